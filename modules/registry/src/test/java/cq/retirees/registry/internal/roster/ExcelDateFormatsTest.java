package cq.retirees.registry.internal.roster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExcelDateFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"yyyy-mm-dd", "mm-dd-yy", "d-mmm-yy", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy年m月d日",
            "[DBNum1][$-804]yyyy\"年\"m\"月\"", "yyyy/m/d h:mm", "YYYY-MM-DD;@"})
    void dateFormats(String format) {
        assertTrue(ExcelDateFormats.isDate(164, format));
    }

    @ParameterizedTest
    @ValueSource(strings = {"General", "0", "0.00", "#,##0.00;[Red]-#,##0.00", "0.00E+00", "@", "h:mm:ss",
            "[h]:mm", "0\" days\"", "0\\d", "#,##0 ;(#,##0)"})
    void otherFormats(String format) {
        assertFalse(ExcelDateFormats.isDate(164, format));
    }

    @Test
    void builtInChineseDateIdsWithoutAFormatString() {
        assertTrue(ExcelDateFormats.isDate(14, null));
        assertTrue(ExcelDateFormats.isDate(31, null));
        assertTrue(ExcelDateFormats.isDate(57, null));
        assertFalse(ExcelDateFormats.isDate(0, null));
        assertFalse(ExcelDateFormats.isDate(32, null), "32 is a time");
        assertFalse(ExcelDateFormats.isDate(null, null));
    }

    @Test
    void serialDatesInBothDateSystems() {
        XlsxCellText from1900 = new XlsxCellText(false);
        XlsxCellText from1904 = new XlsxCellText(true);

        assertEquals(LocalDate.of(2020, 12, 31), from1900.date(new BigDecimal("44196")));
        assertEquals(LocalDate.of(2020, 12, 31), from1900.date(new BigDecimal("44196.75")), "time of day dropped");
        assertEquals(LocalDate.of(1900, 1, 1), from1900.date(BigDecimal.ONE));
        assertEquals(LocalDate.of(1900, 3, 1), from1900.date(new BigDecimal("61")));
        assertEquals(LocalDate.of(2020, 12, 31), from1904.date(new BigDecimal("42734")));
    }
}
