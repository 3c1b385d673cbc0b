package cq.retirees.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Validation messages end up in logs and API responses; an ID number (or any recognisable piece of
 * one) appearing there would be a personal-data leak.
 */
class InvalidValueMessagesDoNotLeakTest {

    /** Long enough that an accidental match with a message's own wording is implausible. */
    private static final int WINDOW = 4;

    private static final Clock MID_2025 = Clock.fixed(Instant.parse("2025-06-01T04:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> faultyInputs() {
        Consumer<String> idNumber = raw -> ResidentIdNumber.parse(raw, MID_2025);
        Consumer<String> creditCode = CreditCode::parse;
        Consumer<String> areaCode = AreaCode::of;
        Consumer<String> money = Fen::parseYuan;
        return Stream.of(
                Arguments.of("1101051949123100", idNumber),             // length
                Arguments.of("11010519491231002X99", idNumber),         // length
                Arguments.of("1101051949123A002X", idNumber),           // characters
                Arguments.of("110105194912X1002X", idNumber),           // characters
                Arguments.of("11010549123100X", idNumber),              // characters, 15 digits
                Arguments.of("990103198001011239", idNumber),           // region
                Arguments.of("500103199902301237", idNumber),           // impossible date
                Arguments.of("500103209912310010", idNumber),           // future date
                Arguments.of("110105189912310015", idNumber),           // before 1900
                Arguments.of("110105490230002", idNumber),              // 15-digit impossible date
                Arguments.of("110105194912310021", idNumber),           // checksum
                Arguments.of("１１０１０５１９４９１２３１００２１", idNumber), // checksum, full-width
                Arguments.of("91350100M000100Y44", creditCode),
                Arguments.of("91350100M0001OOY43", creditCode),
                Arguments.of("91350100M000100Y4", creditCode),
                Arguments.of("5001034", areaCode),
                Arguments.of("1020.555", money),
                Arguments.of("99999999999999999999", money));
    }

    @ParameterizedTest
    @MethodSource("faultyInputs")
    void messageContainsNoPartOfTheInput(String raw, Consumer<String> parser) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> parser.accept(raw));

        String normalised = InputText.normalise(raw);
        assertTrue(normalised.length() >= WINDOW);
        for (String text : new String[] {e.getMessage(), e.toString()}) {
            assertFalse(text.isBlank());
            assertFalse(text.contains(raw));
            for (int i = 0; i + WINDOW <= normalised.length(); i++) {
                String piece = normalised.substring(i, i + WINDOW);
                assertFalse(text.contains(piece), () -> "message leaks part of the input: " + e.code());
            }
        }
    }
}
