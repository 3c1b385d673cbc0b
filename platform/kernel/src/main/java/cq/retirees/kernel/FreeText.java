package cq.retirees.kernel;

import java.text.Normalizer;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The one rule for text that people type: names, addresses, reasons, notes, petition texts, search words, and the
 * cells of an imported roster.
 *
 * <p>Refused everywhere, because they are invisible or act on the terminal, spreadsheet or text direction instead
 * of being read: C0 controls (U+0000–U+001F) other than those a {@link #MULTI_LINE} text keeps, DEL (U+007F), C1
 * controls (U+0080–U+009F), every format character (Unicode category Cf: the zero-width characters U+200B–U+200D
 * and U+2060, the bidirectional marks, embeddings, overrides and isolates U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069, the byte-order mark U+FEFF, the soft hyphen U+00AD, …), the line and paragraph separators U+2028
 * and U+2029, noncharacters (U+FDD0–U+FDEF and the last two code points of every plane) and UTF-16 surrogates
 * without their pair. A {@link #MULTI_LINE} text keeps tab (U+0009), line feed (U+000A) and carriage return
 * (U+000D); a {@link #SINGLE_LINE} text refuses them too.
 *
 * <p>Accepted text is stored in Unicode normalisation form NFC (a decomposed "é" becomes the one character U+00E9),
 * never NFKC: a full-width letter or an ideographic space inside a name is the person's own writing and is kept.
 * Surrounding {@linkplain #isSpace spaces} are stripped, and in a multi-line text CRLF and a lone CR become LF.
 * Private-use characters stay allowed: rare characters of Chinese names are often encoded there.
 */
public enum FreeText {

    /** Names, titles, units, search words: one line, no tab. */
    SINGLE_LINE,
    /** Addresses, notes, reasons, petition texts, minutes: line breaks and tabs are part of the text. */
    MULTI_LINE;

    /** The machine code of every refusal. */
    public static final String CHARACTER_NOT_ALLOWED = "TEXT_CHARACTER_NOT_ALLOWED";

    /**
     * The text as it is stored: checked, line ends made LF (multi-line), NFC, without surrounding spaces.
     *
     * @param field the field named in a refusal
     * @return the normalised text; {@code null} for {@code null}, "" for blank text
     * @throws InvalidTextException at the first character this rule refuses, naming it and its position
     */
    public String normalise(String raw, String field) {
        if (raw == null) {
            return null;
        }
        Optional<RefusedCharacter> refused = firstRefused(raw);
        if (refused.isPresent()) {
            throw new InvalidTextException(field, this, refused.get());
        }
        String text = this == MULTI_LINE ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw;
        return strip(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    /**
     * The first character of {@code text} this rule refuses, with its position counted in characters (code points)
     * from 1; empty when the text is acceptable.
     */
    public Optional<RefusedCharacter> firstRefused(CharSequence text) {
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            position++;
            char unit = text.charAt(i);
            if (Character.isHighSurrogate(unit) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(unit, text.charAt(i + 1));
                if (!allows(codePoint)) {
                    return Optional.of(new RefusedCharacter(codePoint, position, kindOf(codePoint)));
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(unit)) {
                return Optional.of(new RefusedCharacter(unit, position, RefusedCharacter.Kind.LONE_SURROGATE));
            }
            if (!allows(unit)) {
                return Optional.of(new RefusedCharacter(unit, position, kindOf(unit)));
            }
            i++;
        }
        return Optional.empty();
    }

    /** Whether this rule lets the character (a whole code point, never half a surrogate pair) into a text. */
    public boolean allows(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return this == MULTI_LINE;
        }
        return kindOf(codePoint) == null;
    }

    /**
     * {@code text} with every character this rule refuses replaced by U+FFFD: for showing text that was stored
     * before the rule existed, or that comes from a file, without letting its controls act.
     */
    public String replaceRefused(String text) {
        if (text == null || firstRefused(text).isEmpty()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int length = Character.charCount(codePoint);
            boolean whole = length == 2 || !Character.isSurrogate(text.charAt(i));
            shown.appendCodePoint(whole && allows(codePoint) ? codePoint : '\uFFFD');
            i += length;
        }
        return shown.toString();
    }

    /**
     * Space in the wide sense people type and paste: Java whitespace, the ideographic space U+3000 (Chinese input
     * methods) and the no-break spaces (web pages). Stripped around a text, kept inside it.
     */
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** {@code text} without surrounding {@linkplain #isSpace spaces}. */
    public static String strip(String text) {
        return strip(text, FreeText::isSpace);
    }

    /** {@code text} without the characters {@code space} takes for space at either end. */
    public static String strip(String text, IntPredicate space) {
        int start = 0;
        int end = text.length();
        while (start < end && space.test(text.charAt(start))) {
            start++;
        }
        while (end > start && space.test(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * Why a character is refused, or {@code null} when it is a character of text. Tab and the line breaks are
     * controls here; {@link #allows} lets a multi-line text keep them.
     */
    private static RefusedCharacter.Kind kindOf(int codePoint) {
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return RefusedCharacter.Kind.LONE_SURROGATE;
        }
        if ((codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE) {
            return RefusedCharacter.Kind.NONCHARACTER;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL -> RefusedCharacter.Kind.CONTROL;
            case Character.FORMAT -> RefusedCharacter.Kind.FORMAT;
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> RefusedCharacter.Kind.SEPARATOR;
            default -> null;
        };
    }
}
