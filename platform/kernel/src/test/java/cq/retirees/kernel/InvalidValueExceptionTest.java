package cq.retirees.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvalidValueExceptionTest {

    @Test
    void carriesCodeFieldAndMessage() {
        InvalidValueException e = new InvalidValueException("ID_NUMBER_REGION", "idNumber", "bad region");

        assertEquals("ID_NUMBER_REGION", e.code());
        assertEquals("idNumber", e.field());
        assertEquals("bad region", e.getMessage());
    }

    @Test
    void fieldIsOptional() {
        assertNull(new InvalidValueException("MONEY_FORMAT", null, "bad amount").field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "money_format", "MoneyFormat", "MONEY-FORMAT", "_MONEY", "MONEY_", "MONEY__FORMAT"})
    void rejectsCodesThatAreNotUpperSnakeCase(String code) {
        assertThrows(IllegalArgumentException.class, () -> new InvalidValueException(code, null, "message"));
    }

    @Test
    void requiresCodeAndMessage() {
        assertThrows(NullPointerException.class, () -> new InvalidValueException(null, null, "message"));
        assertThrows(NullPointerException.class, () -> new InvalidValueException("CODE", null, null));
    }
}
