package cq.retirees.kernel;

import java.util.Locale;

/**
 * A character {@link FreeText} refuses, and where it is.
 *
 * @param codePoint the character (for a surrogate without its pair, that UTF-16 unit)
 * @param position  its position in the text as given, counted in characters (code points) from 1
 * @param kind      what sort of character it is
 */
public record RefusedCharacter(int codePoint, int position, Kind kind) {

    /** What sort of character was refused: enough to explain it when it has no name of its own in a message. */
    public enum Kind {
        /** C0 (tab and line breaks included where they are refused), DEL, C1. */
        CONTROL,
        /** Unicode category Cf: zero-width characters, bidirectional controls, the byte-order mark, … */
        FORMAT,
        /** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: a line break is LF here. */
        SEPARATOR,
        /** U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF: reserved never to be characters. */
        NONCHARACTER,
        /** Half of a UTF-16 surrogate pair: no character at all. */
        LONE_SURROGATE
    }

    /** The character as Unicode writes it, e.g. {@code U+202E}. */
    public String notation() {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
