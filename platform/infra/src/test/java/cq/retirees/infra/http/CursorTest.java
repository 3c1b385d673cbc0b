package cq.retirees.infra.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void aCursorRoundTripsItsKeysIncludingChinese() {
        Cursor cursor = Cursor.of("解放碑街道", "0c6a2f3e-0000-0000-0000-000000000001");
        assertEquals(cursor, Cursor.decode(cursor.encode(), 2));
    }

    @ParameterizedTest
    // "bnVsbA" is the JSON literal null, "e30" an object, "WyJhIl0" one key, "W251bGwsImEiXQ" a null key
    @ValueSource(strings = {"not-base64!", "e30", "WyJhIl0", "W251bGwsImEiXQ", "bnVsbA", "bnVsbA=="})
    void anythingElseIsTheClientsFault(String garbage) {
        ApiException refused = assertThrows(ApiException.class, () -> Cursor.decode(garbage, 2));
        assertEquals(400, refused.status());
        assertEquals("INVALID_CURSOR", refused.code());
    }
}
