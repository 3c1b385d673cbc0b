package cq.retirees.infra.http;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV cells for exports that people open in spreadsheets: RFC 4180 quoting, and formula injection neutralised —
 * a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed with an
 * apostrophe, so a spreadsheet shows it as text instead of evaluating it.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        String text = (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
                ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    public static void writeRow(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(safe(cells.get(i)));
        }
        out.write("\r\n");
    }
}
