package cq.retirees.registry.internal.roster;

import java.util.List;
import java.util.OptionalLong;

/**
 * A roster file that cannot be imported at all, as opposed to a row with bad values.
 *
 * <p>Neither the message nor the details ever carry cell contents (cells hold citizens' ID numbers), and no
 * library exception is attached as the cause, because library messages may quote the offending text.
 */
public final class RosterFileException extends RuntimeException {

    /** No heading row: the file, or its first sheet, holds no non-blank row. */
    public static final String EMPTY = "ROSTER_EMPTY";
    /** Required columns are missing; details are their English headings. */
    public static final String MISSING_COLUMNS = "ROSTER_MISSING_COLUMNS";
    /** Two headings name one column; details are the English headings of such columns. */
    public static final String DUPLICATE_COLUMN = "ROSTER_DUPLICATE_COLUMN";
    /** Not a readable CSV or XLSX file; details are the row number where reading failed, when known. */
    public static final String UNREADABLE = "ROSTER_UNREADABLE";

    private final String code;
    private final List<String> details;
    private final OptionalLong rowNumber;

    private RosterFileException(String code, String message, List<String> details, OptionalLong rowNumber) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
        this.rowNumber = rowNumber;
    }

    static RosterFileException empty() {
        return new RosterFileException(EMPTY, "Roster file has no heading row", List.of(), OptionalLong.empty());
    }

    static RosterFileException missingColumns(List<RosterColumn> missing) {
        List<String> headings = headings(missing);
        return new RosterFileException(MISSING_COLUMNS, "Roster file lacks required columns " + headings, headings,
                OptionalLong.empty());
    }

    static RosterFileException duplicateColumns(List<RosterColumn> duplicated) {
        List<String> headings = headings(duplicated);
        return new RosterFileException(DUPLICATE_COLUMN, "Roster file has more than one heading for " + headings,
                headings, OptionalLong.empty());
    }

    /** @param reason fixed text chosen by this package, never text taken from the file */
    static RosterFileException unreadable(String reason) {
        return new RosterFileException(UNREADABLE, "Roster file is unreadable: " + reason, List.of(),
                OptionalLong.empty());
    }

    /** @param reason fixed text chosen by this package, never text taken from the file */
    static RosterFileException unreadable(String reason, long rowNumber) {
        return new RosterFileException(UNREADABLE, "Roster file is unreadable at row " + rowNumber + ": " + reason,
                List.of(Long.toString(rowNumber)), OptionalLong.of(rowNumber));
    }

    /** Stable UPPER_SNAKE code, one of the constants above. */
    public String code() {
        return code;
    }

    /** Machine-readable particulars of the fault, as documented on each code. */
    public List<String> details() {
        return details;
    }

    /** The row where reading failed, for {@link #UNREADABLE} faults that have one. */
    public OptionalLong rowNumber() {
        return rowNumber;
    }

    private static List<String> headings(List<RosterColumn> columns) {
        return columns.stream().map(RosterColumn::heading).toList();
    }
}
