package cq.retirees.infra.db;

/** Values for {@code COPY … (FORMAT csv)}: an unquoted empty field is NULL, a quoted one is text. */
public final class CopyCsv {

    private CopyCsv() {
    }

    /** Appends {@code value} quoted (quotes doubled), or nothing for null. */
    public static StringBuilder text(StringBuilder csv, String value) {
        if (value == null) {
            return csv;
        }
        return csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /** Appends a value that needs no quoting (ids, codes, dates), or nothing for null. */
    public static StringBuilder plain(StringBuilder csv, Object value) {
        return value == null ? csv : csv.append(value);
    }
}
