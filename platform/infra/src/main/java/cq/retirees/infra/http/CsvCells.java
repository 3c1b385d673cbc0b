package cq.retirees.infra.http;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV cells for exports that people open in spreadsheets: the {@linkplain SpreadsheetCells#text cell text} every
 * export uses (formula prefixes neutralised, refused characters replaced), then RFC 4180 quoting.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String safe(String value) {
        String text = SpreadsheetCells.text(value);
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
