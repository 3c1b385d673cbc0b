package cq.retirees.infra.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=SUM(A1:A9) | '=SUM(A1:A9)",
            "+86 138 | '+86 138",
            "-1 | '-1",
            "@cmd | '@cmd",
            "`\tTAB` | `'\tTAB`",
            "plain | plain",
            "姓名 | 姓名"})
    void aCellASpreadsheetWouldEvaluateIsShownAsText(String value, String expected) {
        assertEquals(expected, CsvCells.safe(value));
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", CsvCells.safe("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.safe("say \"hi\""));
        assertEquals("\"'=1,2\"", CsvCells.safe("=1,2"));
        assertEquals("\"line\nbreak\"", CsvCells.safe("line\nbreak"));
        assertEquals("", CsvCells.safe(null));
    }

    @Test
    void aRowEndsWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        CsvCells.writeRow(out, List.of("2", "idNumber", "=HYPERLINK(\"x\")"));
        assertEquals("2,idNumber,\"'=HYPERLINK(\"\"x\"\")\"\r\n", out.toString());
    }
}
