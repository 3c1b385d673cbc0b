package cq.retirees.registry.internal.roster;

import cq.retirees.kernel.FreeText;

/**
 * Whitespace handling shared by headings and cell values of both file formats. The cell values are then held to the
 * kernel's {@link FreeText} rule with every other free text (by the retiree rules, so a refused character rejects
 * its row, naming the column); only a byte-order mark at either end of a cell is taken for the file artefact it is.
 */
final class CellText {

    private CellText() {
    }

    /**
     * Space as {@link FreeText#isSpace} has it (Java whitespace, U+3000, no-break spaces), and U+FEFF: a BOM left
     * over from concatenated files. Inside a cell, U+FEFF is refused like any invisible character.
     */
    static boolean isSpace(int c) {
        return FreeText.isSpace(c) || c == '\uFEFF';
    }

    /** {@code text} without surrounding {@linkplain #isSpace spaces}; "" for null. */
    static String trim(String text) {
        return text == null ? "" : FreeText.strip(text, CellText::isSpace);
    }
}
