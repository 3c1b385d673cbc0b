package cq.retirees.registry.internal.roster;

/** Whitespace handling shared by headings and cell values of both file formats. */
final class CellText {

    private CellText() {
    }

    /**
     * Whitespace in the wide sense spreadsheets produce: Java whitespace, U+3000 (ideographic space, typed by
     * Chinese input methods), no-break spaces (pasted from web pages) and U+FEFF (a BOM or zero-width no-break
     * space left over from concatenated files).
     */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** {@code text} without surrounding {@linkplain #isSpace spaces}; "" for null. */
    static String trim(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
