package cq.retirees.registry.internal.roster;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One data row of a roster file.
 *
 * @param rowNumber the row's number as a spreadsheet shows it: the heading row is row 1 (when it is the first row
 *                  of the file), the first data row below it row 2; skipped empty rows keep their numbers. For CSV
 *                  this counts records, not lines, so a quoted value spanning lines does not shift later numbers.
 * @param values    the row's non-blank cells by column, trimmed of surrounding whitespace (including U+3000).
 *                  Blank cells are <em>absent</em>, never stored as "": the constructor drops them, so
 *                  {@code values().containsKey(c)} means "the file gives a value for c".
 */
public record RosterRow(long rowNumber, Map<RosterColumn, String> values) {

    public RosterRow {
        EnumMap<RosterColumn, String> kept = new EnumMap<>(RosterColumn.class);
        values.forEach((column, value) -> {
            String trimmed = CellText.trim(value);
            if (!trimmed.isEmpty()) {
                kept.put(column, trimmed);
            }
        });
        values = Collections.unmodifiableMap(kept);
    }

    /** The trimmed value of {@code column}, or "" when the cell is blank or the file has no such column. */
    public String value(RosterColumn column) {
        return values.getOrDefault(column, "");
    }

    /** The row number only: a row's values are citizens' personal data and must not reach logs. */
    @Override
    public String toString() {
        return "RosterRow[rowNumber=" + rowNumber + ", columns=" + values.keySet() + "]";
    }
}
