package cq.retirees.kernel;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalisation shared by the code-like value types.
 *
 * <p>Identifiers reach us typed on Chinese IMEs, pasted from spreadsheets and scanned from paper, so
 * full-width digits and letters, the ideographic space U+3000 and lowercase letters are routine and
 * must not cause a rejection.
 */
final class InputText {

    private InputText() {
    }

    /**
     * NFKC (full-width forms become ASCII, U+3000 becomes a plain space), then strip surrounding
     * whitespace, then upper-case with a fixed locale so the result does not depend on the server.
     *
     * @return the normalised text, empty if {@code raw} is {@code null} or blank
     */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT);
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean allAsciiDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
