package cq.retirees.registry.internal.roster;

import java.util.Set;

/**
 * Tells date formats from other number formats. XLSX stores a date as a day count; only the cell's number format
 * says it is a date, and fastexcel-reader does not interpret formats.
 */
final class ExcelDateFormats {

    /**
     * Built-in format ids that show a date: 14–17 and 22 in every locale, plus those that Chinese (and other East
     * Asian) Excel defines without writing the format string into the file, e.g. 31 = yyyy"年"m"月"d"日".
     */
    private static final Set<Integer> BUILT_IN_DATE_IDS =
            Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58);

    private ExcelDateFormats() {
    }

    /**
     * Whether a number with this format is a date. A format string decides when there is one: it is a date format
     * when it shows a year or a day; time-only formats (h:mm) are not dates, and roster columns never hold times.
     */
    static boolean isDate(Integer formatId, String format) {
        if (format != null && !format.isBlank()) {
            return showsYearOrDay(format);
        }
        return formatId != null && BUILT_IN_DATE_IDS.contains(formatId);
    }

    /** Looks for y or d outside quoted literals ("年"), escapes (\d) and brackets ([$-804], [Red]). */
    static boolean showsYearOrDay(String format) {
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (bracketed) {
                bracketed = c != ']';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                bracketed = true;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++; // the next character is a literal, a padding width or a fill character
            } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
                return true;
            }
        }
        return false;
    }
}
