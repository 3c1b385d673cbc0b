package cq.retirees.infra.http;

import cq.retirees.kernel.FreeText;

/**
 * The text of a cell in an export that people open in a spreadsheet, the same for CSV and XLSX.
 *
 * <p>Formula injection is neutralised (OWASP, "CSV Injection"): a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return is prefixed with an apostrophe, so a spreadsheet shows it as text
 * instead of evaluating it. Characters {@link FreeText} refuses (a control such as ESC, a bidirectional override)
 * are shown as U+FFFD: input no longer lets them in, but text stored before the rule existed must not carry them
 * into a file either. Tab and line breaks stay, as multi-line texts keep them.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The cell's text; "" for {@code null}. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String shown = FreeText.MULTI_LINE.replaceRefused(value);
        char first = shown.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + shown : shown;
    }
}
