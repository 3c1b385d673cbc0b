package cq.retirees.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"500103", "500000", "110105", "650000"})
    void acceptsSixDigitDivisionCodes(String raw) {
        AreaCode code = AreaCode.of(raw);

        assertEquals(raw, code.value());
        assertEquals(raw, code.toString());
        assertFalse(code.isFunctionalZone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LJXQ", "WSJK"})
    void acceptsFunctionalZones(String raw) {
        AreaCode code = AreaCode.of(raw);

        assertEquals(raw, code.value());
        assertTrue(code.isFunctionalZone());
    }

    @Test
    void trimsAndNormalisesBeforeChecking() {
        assertEquals("500103", AreaCode.of(" ５００１０３\u3000").value());
        assertEquals("LJXQ", AreaCode.of("\u3000ljxq ").value());
        assertEquals(AreaCode.of("500103"), AreaCode.of(" 500103 "));
        assertEquals(AreaCode.of("500103").hashCode(), AreaCode.of(" 500103 ").hashCode());
        assertNotEquals(AreaCode.of("500103"), AreaCode.of("500104"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"50010", "5001030", "0xxxxx", "050010", "ABCD", "LJXQ1", "50 010", "50010a"})
    void rejectsMalformedCodes(String raw) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> AreaCode.of(raw));

        assertEquals("AREA_CODE_FORMAT", e.code());
        assertEquals("areaCode", e.field());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000"})
    void rejectsMissingCode(String raw) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> AreaCode.of(raw));

        assertEquals("AREA_CODE_REQUIRED", e.code());
    }
}
