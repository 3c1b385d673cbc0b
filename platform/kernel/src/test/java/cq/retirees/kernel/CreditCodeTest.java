package cq.retirees.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Valid codes below were checked with an independent implementation of the GB 32100 algorithm. */
class CreditCodeTest {

    private static final String PUBLISHED_EXAMPLE = "91350100M000100Y43";

    private static InvalidValueException rejection(String raw) {
        return assertThrows(InvalidValueException.class, () -> CreditCode.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            PUBLISHED_EXAMPLE,
            "91110000600037341L",
            "91500000MA5U7C4E8P",
            "12500000000000000A",
            "915001030000000130",  // check value 31 wraps to 0
    })
    void acceptsValidCodes(String raw) {
        CreditCode code = CreditCode.parse(raw);

        assertEquals(raw, code.value());
        assertEquals(raw, code.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100m000100y43",
            " 91350100M000100Y43\u3000",
            "９１３５０１００Ｍ０００１００Ｙ４３",
            "９１３５０１００ｍ０００１００ｙ４３",
    })
    void normalisesCaseWidthAndWhitespace(String raw) {
        CreditCode code = CreditCode.parse(raw);

        assertEquals(PUBLISHED_EXAMPLE, code.value());
        assertEquals(CreditCode.parse(PUBLISHED_EXAMPLE), code);
        assertEquals(CreditCode.parse(PUBLISHED_EXAMPLE).hashCode(), code.hashCode());
    }

    @Test
    void differentCodesAreNotEqual() {
        assertNotEquals(CreditCode.parse(PUBLISHED_EXAMPLE), CreditCode.parse("91110000600037341L"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4A", "91110000600037341K", "91500000MA5U7C4E8K"})
    void rejectsWrongCheckCharacter(String raw) {
        InvalidValueException e = rejection(raw);

        assertEquals("CREDIT_CODE_BAD_CHECKSUM", e.code());
        assertEquals("creditCode", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100I000100Y43",
            "91350100O000100Y43",
            "91350100Z000100Y43",
            "91350100S000100Y43",
            "91350100V000100Y43",
            "91350100M000100Y4I",
            "91350100M-00100Y43",
    })
    void rejectsCharactersOutsideTheAlphabet(String raw) {
        assertEquals("CREDIT_CODE_CHARACTERS", rejection(raw).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "91350100M000100Y4", "91350100M000100Y431", "9135 0100M000100Y43"})
    void rejectsWrongLength(String raw) {
        assertEquals("CREDIT_CODE_LENGTH", rejection(raw).code());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\u3000"})
    void rejectsMissingCode(String raw) {
        assertEquals("CREDIT_CODE_REQUIRED", rejection(raw).code());
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y4, 3",
            "91110000600037341, L",
            "91500000MA5U7C4E8, P",
            "91500103000000013, 0",
    })
    void computesCheckCharacter(String first17, char expected) {
        assertEquals(expected, CreditCode.checkCharacter(first17));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"91350100M000100Y", "91350100M000100Y43", "91350100O000100Y4"})
    void checkCharacterHelperRejectsMalformedInput(String first17) {
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharacter(first17));
    }
}
