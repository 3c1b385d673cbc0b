package cq.retirees.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.IntStream;

import static cq.retirees.kernel.FreeText.MULTI_LINE;
import static cq.retirees.kernel.FreeText.SINGLE_LINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreeTextTest {

    /** Refused in one-line and multi-line text alike. */
    private static final int[] REFUSED_EVERYWHERE = {
            0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F,
            0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
            0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x061C, 0x2060, 0x00AD, 0x2028, 0x2029,
            0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0xE0001};

    @Test
    void everyC0ControlDelAndC1IsRefusedOnOneLine() {
        IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F)).forEach(c -> {
            RefusedCharacter refused = refusal(SINGLE_LINE, "张" + Character.toString(c) + "三");
            assertEquals(c, refused.codePoint());
            assertEquals(2, refused.position());
            assertEquals(RefusedCharacter.Kind.CONTROL, refused.kind());
        });
    }

    @Test
    void aMultiLineTextKeepsTabAndLineBreaksButNoOtherControl() {
        IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F)).forEach(c -> {
            boolean kept = c == 0x09 || c == 0x0A || c == 0x0D;
            assertEquals(kept, MULTI_LINE.allows(c), () -> String.format("U+%04X", c));
            assertFalse(SINGLE_LINE.allows(c), () -> String.format("U+%04X", c));
        });
    }

    @Test
    void invisibleBidirectionalAndReservedCharactersAreRefusedInBothShapes() {
        for (int c : REFUSED_EVERYWHERE) {
            String text = "ab" + Character.toString(c) + "c";
            assertEquals(c, refusal(SINGLE_LINE, text).codePoint(), () -> String.format("U+%04X", c));
            assertEquals(3, refusal(MULTI_LINE, text).position(), () -> String.format("U+%04X", c));
        }
    }

    @Test
    void theRefusalSaysWhatSortOfCharacterItIs() {
        assertEquals(RefusedCharacter.Kind.FORMAT, refusal(SINGLE_LINE, "a\u202Eb").kind());
        assertEquals(RefusedCharacter.Kind.FORMAT, refusal(SINGLE_LINE, "a\u200Bb").kind());
        assertEquals(RefusedCharacter.Kind.SEPARATOR, refusal(MULTI_LINE, "a\u2028b").kind());
        assertEquals(RefusedCharacter.Kind.NONCHARACTER, refusal(MULTI_LINE, "a\uFFFEb").kind());
        assertEquals(RefusedCharacter.Kind.CONTROL, refusal(SINGLE_LINE, "a\nb").kind());
        assertEquals("U+202E", refusal(SINGLE_LINE, "a\u202Eb").notation());
        assertEquals("U+1FFFE", refusal(SINGLE_LINE, "a" + Character.toString(0x1FFFE)).notation());
    }

    @Test
    void aLoneSurrogateIsRefusedAndAPairIsOneCharacter() {
        RefusedCharacter high = refusal(MULTI_LINE, "王\uD83D五");
        assertEquals(0xD83D, high.codePoint());
        assertEquals(2, high.position());
        assertEquals(RefusedCharacter.Kind.LONE_SURROGATE, high.kind());
        assertEquals(RefusedCharacter.Kind.LONE_SURROGATE, refusal(MULTI_LINE, "\uDC00").kind());
        assertEquals(RefusedCharacter.Kind.LONE_SURROGATE, refusal(MULTI_LINE, "a\uD800").kind());
        // an emoji is two UTF-16 units but one character: the zero-width space after it is the second
        assertEquals(2, refusal(SINGLE_LINE, "\uD83D\uDE00\u200B").position());
        assertEquals("\uD83D\uDE00", SINGLE_LINE.normalise("\uD83D\uDE00", "name"));
    }

    @Test
    void thePositionIsInTheTextAsGivenBeforeNormalising() {
        // " e + combining acute" is three characters as sent, so the override is the fourth
        assertEquals(4, refusal(SINGLE_LINE, " e\u0301\u202E").position());
    }

    @Test
    void textIsComposedToNfcButNotFoldedToNfkc() {
        assertEquals("Caf\u00E9", SINGLE_LINE.normalise("Cafe\u0301", "name"));
        assertEquals("\uAC00", SINGLE_LINE.normalise("\u1100\u1161", "name")); // Hangul jamo compose
        assertEquals("Ｗang\u3000伟", SINGLE_LINE.normalise("Ｗang\u3000伟", "name"));
        assertEquals("\uFB01", SINGLE_LINE.normalise("\uFB01", "name")); // the ligature is not split
        assertEquals("\u00B2", SINGLE_LINE.normalise("\u00B2", "name")); // nor the superscript made a digit
    }

    @Test
    void linesEndInLineFeedsInAMultiLineText() {
        assertEquals("a\nb\nc\n\nd", MULTI_LINE.normalise("a\r\nb\rc\n\r\nd", "note"));
        assertEquals("a\n\tb", MULTI_LINE.normalise("a\n\tb", "note"));
    }

    @Test
    void surroundingSpacesAreStrippedInsideOnesKept() {
        assertEquals("张 三", SINGLE_LINE.normalise("\u3000 张 三\u00A0 ", "name"));
        assertEquals("第一行\n第二行", MULTI_LINE.normalise("\n\t 第一行\n第二行\r\n ", "note"));
        assertEquals("", SINGLE_LINE.normalise(" \u3000 ", "name"));
        assertNull(SINGLE_LINE.normalise(null, "name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uE000", "\uDB80\uDC00", "\uD840\uDC00", "𠀀𪚥", "王\u00B7五", "O'Brien-Smith", "¥ € ©"})
    void ordinaryPrivateUseAndRareCharactersAreText(String text) {
        assertEquals(text, SINGLE_LINE.normalise(text, "name"));
    }

    @Test
    void theRefusalNamesFieldCodeCharacterAndPositionButNotTheText() {
        InvalidTextException e = assertThrows(InvalidTextException.class,
                () -> SINGLE_LINE.normalise("张三丰\u202E李四", "name"));
        assertEquals("TEXT_CHARACTER_NOT_ALLOWED", e.code());
        assertEquals("name", e.field());
        assertEquals(0x202E, e.refused().codePoint());
        assertEquals(4, e.refused().position());
        assertTrue(e.getMessage().contains("U+202E") && e.getMessage().contains("4"), e.getMessage());
        for (String piece : new String[] {"张", "三", "李", "四"}) {
            assertFalse(e.getMessage().contains(piece), e.getMessage());
        }
    }

    @Test
    void refusedCharactersCanBeShownHarmlessly() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFD", SINGLE_LINE.replaceRefused("a\u001Bb\u202Ec\uD800"));
        assertEquals("a\nb\uFFFD", MULTI_LINE.replaceRefused("a\nb\u0007"));
        assertEquals("\uD83D\uDE00", MULTI_LINE.replaceRefused("\uD83D\uDE00"));
        assertNull(MULTI_LINE.replaceRefused(null));
    }

    @Test
    void spacesAreWhatPeopleTypeAndPaste() {
        for (int c : new int[] {' ', '\u3000', '\u00A0', '\u2007', '\u202F', '\t', '\n'}) {
            assertTrue(FreeText.isSpace(c), () -> String.format("U+%04X", c));
        }
        assertFalse(FreeText.isSpace('\u200B'));
        assertFalse(FreeText.isSpace('王'));
    }

    private static RefusedCharacter refusal(FreeText rule, String text) {
        return rule.firstRefused(text).orElseThrow(() -> new AssertionError("accepted: " + escaped(text)));
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : (char) c));
        return out.toString();
    }
}
