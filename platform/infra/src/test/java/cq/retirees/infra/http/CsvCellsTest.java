package cq.retirees.infra.http;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"a,b\"", CsvCells.safe("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.safe("say \"hi\""));
        assertEquals("\"'=1,2\"", CsvCells.safe("=1,2")); // the spreadsheet cell text, then quoted
        assertEquals("王\uFFFD五", CsvCells.safe("王\u001B五"));
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
