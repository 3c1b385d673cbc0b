package cq.retirees.kernel;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The calendar dates the platform takes from its users: years 1 to 9999, the dates ISO-8601 writes with four digits
 * and no sign. Java parses "+999999999-12-31" and PostgreSQL stores nothing past 5874897, so without this bound
 * such a date would get through validation and fail in the database.
 */
public final class CalendarDates {

    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private CalendarDates() {
    }

    public static boolean accepted(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** {@code text} as an ISO-8601 date ({@code 2020-12-31}) within the accepted years, or empty. */
    public static Optional<LocalDate> parseIso(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text)).filter(CalendarDates::accepted);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
