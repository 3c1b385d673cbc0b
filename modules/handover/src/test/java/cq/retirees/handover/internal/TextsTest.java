package cq.retirees.handover.internal;

import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextsTest {

    @Test
    void aKindIsNamedExactly() {
        List<FieldError> errors = new ArrayList<>();
        assertEquals(RosterAction.CLEAR_OVERRIDE, Texts.kind("action", "CLEAR_OVERRIDE", RosterAction.class, errors));
        assertTrue(errors.isEmpty());
        for (String wrong : new String[] {"clear_override", " CLEAR_OVERRIDE", "", null}) {
            assertNull(Texts.kind("action", wrong, RosterAction.class, errors), String.valueOf(wrong));
        }
        assertEquals(4, errors.size());
        FieldError error = errors.getFirst();
        assertEquals("action", error.field());
        assertEquals("KIND_UNKNOWN", error.code());
        assertEquals(List.of("[OVERRIDE, CLEAR_OVERRIDE, REMOVE, RESTORE]"), error.args(), "it names the kinds there are");
    }

    @Test
    void anUnknownKindAloneIsRefusedAtOnce() {
        ApiException refused = assertThrows(ApiException.class, () -> Texts.kind("side", "BOTH", SigningSide.class));
        assertEquals(400, refused.status());
        assertEquals("VALIDATION_FAILED", refused.code());
    }
}
