package cq.retirees.infra.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpreadsheetCellsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=SUM(A1:A9) | '=SUM(A1:A9)",
            "+86 138 | '+86 138",
            "-1 | '-1",
            "@cmd | '@cmd",
            "`\tTAB` | `'\tTAB`",
            "`\rCR` | `'\rCR`",
            "a=b | a=b",
            "plain | plain",
            "姓名 | 姓名"})
    void aCellASpreadsheetWouldEvaluateIsShownAsText(String value, String expected) {
        assertEquals(expected, SpreadsheetCells.text(value));
    }

    @Test
    void controlsAndInvisibleCharactersStoredBeforeTheRuleDoNotReachTheFile() {
        assertEquals("王\uFFFD五", SpreadsheetCells.text("王\u001B五"));
        assertEquals("abc\uFFFDdef", SpreadsheetCells.text("abc\u202Edef"));
        // replaced first, so an ESC cannot hide a formula from the prefix check
        assertEquals("\uFFFD=1+1", SpreadsheetCells.text("\u001B=1+1"));
        assertEquals("第一行\n\t第二行", SpreadsheetCells.text("第一行\n\t第二行"));
    }

    @Test
    void nothingIsEmpty() {
        assertEquals("", SpreadsheetCells.text(null));
        assertEquals("", SpreadsheetCells.text(""));
    }
}
