package cq.retirees.registry.internal.roster;

import cq.retirees.kernel.FreeText;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which cell position holds which column, as the file's heading row says. */
final class HeadingRow {

    private final RosterColumn[] byPosition;
    private final List<RosterColumn> columns;
    private final List<String> ignoredHeadings;

    private HeadingRow(RosterColumn[] byPosition, List<RosterColumn> columns, List<String> ignoredHeadings) {
        this.byPosition = byPosition;
        this.columns = List.copyOf(columns);
        this.ignoredHeadings = List.copyOf(ignoredHeadings);
    }

    /**
     * Maps heading cells to columns. Blank headings are skipped silently (spreadsheets often carry empty trailing
     * heading cells); unknown ones are kept in {@link #ignoredHeadings()} so the import can tell the user.
     *
     * @throws RosterFileException {@code ROSTER_DUPLICATE_COLUMN} or {@code ROSTER_MISSING_COLUMNS}
     */
    static HeadingRow of(List<String> cells) {
        RosterColumn[] byPosition = new RosterColumn[cells.size()];
        List<RosterColumn> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<RosterColumn> duplicated = EnumSet.noneOf(RosterColumn.class);
        for (int i = 0; i < cells.size(); i++) {
            String heading = CellText.trim(cells.get(i));
            if (heading.isEmpty()) {
                continue;
            }
            Optional<RosterColumn> column = RosterColumn.forHeading(heading);
            if (column.isEmpty()) {
                // shown back to the user: a control or bidirectional character in it must not act there
                ignored.add(FreeText.SINGLE_LINE.replaceRefused(heading));
            } else if (columns.contains(column.get())) {
                duplicated.add(column.get());
            } else {
                columns.add(column.get());
                byPosition[i] = column.get();
            }
        }
        if (!duplicated.isEmpty()) {
            throw RosterFileException.duplicateColumns(List.copyOf(duplicated));
        }
        List<RosterColumn> missing = EnumSet.allOf(RosterColumn.class).stream()
                .filter(c -> c.required() && !columns.contains(c))
                .toList();
        if (!missing.isEmpty()) {
            throw RosterFileException.missingColumns(missing);
        }
        return new HeadingRow(byPosition, columns, ignored);
    }

    /** Recognised columns in heading order. */
    List<RosterColumn> columns() {
        return columns;
    }

    /** Non-blank headings that name no column, trimmed, refused characters as U+FFFD, in heading order. */
    List<String> ignoredHeadings() {
        return ignoredHeadings;
    }

    /** The row's cells by column: cells beyond the headings, or under ignored headings, are dropped. */
    RosterRow toRow(SourceRow row) {
        Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
        int known = Math.min(byPosition.length, row.cells().size());
        for (int i = 0; i < known; i++) {
            if (byPosition[i] != null) {
                values.put(byPosition[i], row.cells().get(i));
            }
        }
        return new RosterRow(row.number(), values);
    }
}
