package cq.retirees.registry.internal.roster;

import org.dhatim.fastexcel.reader.Cell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A cell's value as the text a user typed or sees: the import validates all columns as text, whatever the file
 * format, so XLSX numbers and dates are rendered the way the same roster would look as CSV.
 */
final class XlsxCellText {

    /** Day 0 of the 1900 date system, as Excel counts from day 61 on (it treats 1900 as a leap year). */
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final BigDecimal FIRST_REAL_1900_LEAP_DAY = BigDecimal.valueOf(61);

    private final boolean date1904;

    XlsxCellText(boolean date1904) {
        this.date1904 = date1904;
    }

    String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case STRING, BOOLEAN -> Objects.toString(cell.getValue(), "");
            case NUMBER -> number((BigDecimal) cell.getValue(), cell);
            // A formula's cached result; numeric results are treated like typed numbers.
            case FORMULA -> formulaResult(cell);
            // #N/A and friends, or a number the library could not parse: kept verbatim for row validation.
            case ERROR -> nullToEmpty(cell.getRawValue());
            case EMPTY -> "";
        };
    }

    private String formulaResult(Cell cell) {
        String raw = nullToEmpty(cell.getRawValue());
        try {
            return number(new BigDecimal(raw), cell);
        } catch (NumberFormatException notANumber) {
            return raw;
        }
    }

    /** Plain decimal text (13800000000, not 1.38E10 or 13800000000.0), or ISO yyyy-MM-dd under a date format. */
    private String number(BigDecimal value, Cell cell) {
        if (ExcelDateFormats.isDate(cell.getDataFormatId(), cell.getDataFormatString()) && value.signum() >= 0) {
            return date(value).toString();
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** The calendar day of an Excel serial date; a time of day is dropped, as roster columns are dates. */
    LocalDate date(BigDecimal serial) {
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        if (date1904) {
            return EPOCH_1904.plusDays(days);
        }
        // Serials 1–59 predate Excel's phantom 29 February 1900, so they count from one day later.
        return serial.compareTo(FIRST_REAL_1900_LEAP_DAY) >= 0 ? EPOCH_1900.plusDays(days) : EPOCH_1900.plusDays(days + 1);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
