package cq.retirees.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FenTest {

    @Test
    void convertsWholeYuanToFen() {
        assertEquals(102_000L, Fen.ofYuan(1020).value());
        assertEquals(-500L, Fen.ofYuan(-5).value());
        assertEquals(Fen.of(102_000), Fen.ofYuan(1020));
    }

    @ParameterizedTest
    @CsvSource({
            "1020,       102000",
            "1020.5,     102050",
            "1020.50,    102050",
            "1020.05,    102005",
            "0.01,       1",
            "0,          0",
            "-3.5,       -350",
            "' 1020.50 ', 102050",
            "１０２０．５０, 102050",
    })
    void parsesYuanAmounts(String raw, long expectedFen) {
        assertEquals(expectedFen, Fen.parseYuan(raw).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1020.555", "0.001", "1020.", ".5", "1,020", "1e3", "¥1020", "+5", "abc", "1020.5.0"})
    void rejectsMalformedAmounts(String raw) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Fen.parseYuan(raw));

        assertEquals("MONEY_FORMAT", e.code());
    }

    @Test
    void rejectsAmountTooLargeForLong() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> Fen.parseYuan("92233720368547758.08"));

        assertEquals("MONEY_FORMAT", e.code());
        assertEquals(Long.MAX_VALUE, Fen.parseYuan("92233720368547758.07").value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void rejectsMissingAmount(String raw) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Fen.parseYuan(raw));

        assertEquals("MONEY_REQUIRED", e.code());
    }

    @Test
    void arithmeticIsExact() {
        Fen pension = Fen.ofYuan(1020);

        assertEquals(102_050L, pension.plus(Fen.of(50)).value());
        assertEquals(101_950L, pension.minus(Fen.of(50)).value());
        assertEquals(1_224_000L, pension.times(12).value());
        assertEquals(-50L, Fen.ZERO.minus(Fen.of(50)).value());
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        Fen max = Fen.of(Long.MAX_VALUE);
        Fen min = Fen.of(Long.MIN_VALUE);

        assertThrows(ArithmeticException.class, () -> max.plus(Fen.of(1)));
        assertThrows(ArithmeticException.class, () -> min.minus(Fen.of(1)));
        assertThrows(ArithmeticException.class, () -> max.times(2));
        assertThrows(ArithmeticException.class, () -> Fen.ofYuan(Long.MAX_VALUE / 10));
    }

    @ParameterizedTest
    @CsvSource({
            "102000, 1020.00",
            "102050, 1020.50",
            "1,      0.01",
            "0,      0.00",
            "-50,    -0.50",
            "-102005, -1020.05",
    })
    void formatsAsYuanWithTwoDecimals(long fen, String expected) {
        assertEquals(expected, Fen.of(fen).toYuanString());
    }

    @Test
    void parsingAndFormattingRoundTrip() {
        assertEquals("1020.50", Fen.parseYuan("1020.5").toYuanString());
    }

    @Test
    void knowsWhenNegative() {
        assertTrue(Fen.of(-1).isNegative());
        assertFalse(Fen.ZERO.isNegative());
        assertFalse(Fen.of(1).isNegative());
    }

    @Test
    void ordersByAmount() {
        List<Fen> sorted = List.of(Fen.of(5), Fen.of(-3), Fen.ZERO).stream().sorted().toList();

        assertEquals(List.of(Fen.of(-3), Fen.ZERO, Fen.of(5)), sorted);
        assertTrue(Fen.ofYuan(1).compareTo(Fen.of(99)) > 0);
        assertEquals(0, Fen.ofYuan(1).compareTo(Fen.of(100)));
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Fen.of(100), Fen.parseYuan("1"));
        assertEquals(Fen.of(100).hashCode(), Fen.parseYuan("1").hashCode());
        assertNotEquals(Fen.of(100), Fen.of(101));
        assertSame(Fen.ZERO, Fen.of(0));
        assertEquals(0L, Fen.ZERO.value());
    }

    @Test
    void toStringNamesTheUnit() {
        assertEquals("102000 fen", Fen.ofYuan(1020).toString());
    }
}
