package cq.retirees.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarDatesTest {

    @Test
    void fourDigitYearsAreTakenAndTheEdgesAreIn() {
        assertEquals(Optional.of(LocalDate.of(2020, 12, 31)), CalendarDates.parseIso("2020-12-31"));
        assertEquals(Optional.of(CalendarDates.EARLIEST), CalendarDates.parseIso("0001-01-01"));
        assertEquals(Optional.of(CalendarDates.LATEST), CalendarDates.parseIso("9999-12-31"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-12-31", "-4714-01-01",
            "2024-02-30", "2020-1-1", "", "2020-12-31T00:00"})
    void anythingElseIsNoDate(String text) {
        assertEquals(Optional.empty(), CalendarDates.parseIso(text));
    }

    @Test
    void aDateOutsideTheYearsIsNotAccepted() {
        assertFalse(CalendarDates.accepted(LocalDate.MAX));
        assertFalse(CalendarDates.accepted(LocalDate.of(0, 12, 31)));
        assertTrue(CalendarDates.accepted(LocalDate.of(1950, 1, 1)));
        assertEquals(Optional.empty(), CalendarDates.parseIso(null));
    }
}
