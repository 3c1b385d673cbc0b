package cq.retirees.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected check characters below were computed independently of the production code, so these
 * tests do not merely check the implementation against itself.
 */
class ResidentIdNumberTest {

    /** The classic GB 11643 example: born 1949-12-31, female (17th digit 2), check character X. */
    private static final String CLASSIC = "11010519491231002X";
    /** A Chongqing (Yuzhong) number: born 1980-01-01, male (17th digit 3). */
    private static final String CHONGQING = "500103198001011238";

    private static final Clock MID_2025 = fixedClockOn(LocalDate.of(2025, 6, 1));

    private static Clock fixedClockOn(LocalDate date) {
        Instant noon = date.atTime(12, 0).toInstant(ZoneOffset.ofHours(8));
        return Clock.fixed(noon, ZoneId.of("Asia/Shanghai"));
    }

    private static InvalidValueException rejection(String raw) {
        return assertThrows(InvalidValueException.class, () -> ResidentIdNumber.parse(raw, MID_2025));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            CLASSIC,
            "11010519491231002x",
            "１１０１０５１９４９１２３１００２Ｘ",
            "１１０１０５１９４９１２３１００２ｘ",
            "  11010519491231002X  ",
            "\u300011010519491231002X\u3000",
            "\t11010519491231002X\n",
    })
    void acceptsEquivalentSpellingsAndNormalisesThem(String raw) {
        ResidentIdNumber id = ResidentIdNumber.parse(raw, MID_2025);

        assertEquals(CLASSIC, id.value());
        assertFalse(id.wasUpgradedFrom15Digits());
    }

    @Test
    void acceptsNumberWithDigitCheckCharacter() {
        assertEquals(CHONGQING, ResidentIdNumber.parse(CHONGQING, MID_2025).value());
    }

    @Test
    void derivesBirthDateAndSex() {
        ResidentIdNumber classic = ResidentIdNumber.parse(CLASSIC, MID_2025);
        ResidentIdNumber chongqing = ResidentIdNumber.parse(CHONGQING, MID_2025);

        assertEquals(LocalDate.of(1949, 12, 31), classic.birthDate());
        assertEquals(Sex.FEMALE, classic.sex());
        assertEquals(LocalDate.of(1980, 1, 1), chongqing.birthDate());
        assertEquals(Sex.MALE, chongqing.sex());
    }

    @Test
    void acceptsLeapDayInLeapYear() {
        assertEquals(LocalDate.of(2000, 2, 29),
                ResidentIdNumber.parse("500103200002291235", MID_2025).birthDate());
    }

    @Test
    void upgradesFirstGenerationFifteenDigitNumber() {
        ResidentIdNumber id = ResidentIdNumber.parse("110105491231002", MID_2025);

        assertEquals(CLASSIC, id.value());
        assertTrue(id.wasUpgradedFrom15Digits());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
    }

    @Test
    void upgradedNumberEqualsItsEighteenDigitForm() {
        ResidentIdNumber upgraded = ResidentIdNumber.parse("110105491231002", MID_2025);
        ResidentIdNumber modern = ResidentIdNumber.parse(CLASSIC, MID_2025);

        assertEquals(modern, upgraded);
        assertEquals(modern.hashCode(), upgraded.hashCode());
    }

    @Test
    void differentSpellingsOfTheSameNumberAreEqual() {
        assertEquals(
                ResidentIdNumber.parse(CLASSIC, MID_2025),
                ResidentIdNumber.parse("\u3000１１０１０５１９４９１２３１００２ｘ ", MID_2025));
        assertNotEquals(
                ResidentIdNumber.parse(CLASSIC, MID_2025),
                ResidentIdNumber.parse(CHONGQING, MID_2025));
    }

    @Test
    void masksAllButFirstAndLastFour() {
        assertEquals("5001**********1238", ResidentIdNumber.parse(CHONGQING, MID_2025).masked());
        assertEquals("1101**********002X", ResidentIdNumber.parse(CLASSIC, MID_2025).masked());
    }

    @Test
    void toStringIsMaskedAndNeverTheClearValue() {
        ResidentIdNumber id = ResidentIdNumber.parse(CHONGQING, MID_2025);

        assertEquals(id.masked(), id.toString());
        assertFalse(id.toString().contains(CHONGQING));
        assertFalse(("holder=" + id).contains("19800101"), "birth date must not leak through concatenation");
    }

    @Test
    void defaultClockOverloadAcceptsPastBirthDate() {
        assertEquals(CLASSIC, ResidentIdNumber.parse(CLASSIC).value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000\u3000", "\t\n"})
    void rejectsMissingNumber(String raw) {
        InvalidValueException e = rejection(raw);

        assertEquals("ID_NUMBER_REQUIRED", e.code());
        assertEquals("idNumber", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1101051949123100", "11010519491231002", "11010519491231002X1", "11010549123100", "1101 0519491231002X"})
    void rejectsWrongLength(String raw) {
        assertEquals("ID_NUMBER_LENGTH", rejection(raw).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1101051949123A002X",  // letter among the digits
            "11010519491231002A",  // letter other than X as check character
            "110105194912X1002X",  // X before the last position
            "X10105194912310021",  // X first
            "11010549123100X",     // X in a 15-digit number, even at the end
            "1101054912310A2",     // letter in a 15-digit number
            "11010519491231-02X",  // punctuation
            "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X",  // Arabic-Indic digits are digits, but not ASCII ones
    })
    void rejectsNonDigitCharacters(String raw) {
        assertEquals("ID_NUMBER_CHARACTERS", rejection(raw).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "990103198001011239",
            "00010319800101123X",
            "160103198001011234",
            "720103198001011239",
            "830103198001011234",
            "990105491231002",  // 15-digit
    })
    void rejectsImplausibleProvinceCode(String raw) {
        assertEquals("ID_NUMBER_REGION", rejection(raw).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"710103198001011237", "820103198001011232"})
    void acceptsTaiwanAndMacaoProvinceCodes(String raw) {
        assertEquals(raw, ResidentIdNumber.parse(raw, MID_2025).value());
    }

    @ParameterizedTest
    @CsvSource({
            "500103199902301237, 30 February",
            "500103199913011235, month 13",
            "50010319900229123X, 29 February in a common year",
            "110105490230002,    30 February in a 15-digit number",
            "500103209912310010, future",
            "110105189912310015, before 1900",
    })
    void rejectsImpossibleBirthDate(String raw, String why) {
        assertEquals("ID_NUMBER_BIRTH_DATE", rejection(raw).code(), why);
    }

    @Test
    void birthDateMayBeTodayButNotTomorrow() {
        Clock birthday = fixedClockOn(LocalDate.of(1980, 1, 1));
        Clock dayBefore = fixedClockOn(LocalDate.of(1979, 12, 31));

        assertEquals(CHONGQING, ResidentIdNumber.parse(CHONGQING, birthday).value());
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> ResidentIdNumber.parse(CHONGQING, dayBefore));
        assertEquals("ID_NUMBER_BIRTH_DATE", e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "110105194912310020", "500103198001011230", "50010319800101123X"})
    void rejectsWrongCheckCharacter(String raw) {
        assertEquals("ID_NUMBER_BAD_CHECKSUM", rejection(raw).code());
    }

    @Test
    void eachFaultHasItsOwnMessage() {
        String[] faulty = {"", "123", "1101051949123A002X", "990103198001011239", "500103199902301237",
                "110105194912310021"};
        long distinctMessages = java.util.Arrays.stream(faulty)
                .map(raw -> rejection(raw).getMessage())
                .distinct()
                .count();
        assertEquals(faulty.length, distinctMessages);
    }

    @ParameterizedTest
    @CsvSource({
            "11010519491231002, X",
            "50010319800101123, 8",
            "50010320991231001, 0",
            "11010518991231001, 5",
    })
    void computesCheckCharacter(String first17, char expected) {
        assertEquals(expected, ResidentIdNumber.checkCharacter(first17));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"1101051949123100", "110105194912310023", "1101051949123100A"})
    void checkCharacterHelperRejectsMalformedInput(String first17) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResidentIdNumber.checkCharacter(first17));
        if (first17 != null) {
            assertFalse(e.getMessage().contains(first17));
        }
    }
}
