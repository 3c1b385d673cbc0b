package cq.retirees.handover.internal;

import cq.retirees.infra.http.FieldError;
import cq.retirees.kernel.CalendarDates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Checks of free text, ids, dates and kinds in handover requests; each fault is collected as a field error. */
final class Texts {

    static final int MAX_TEXT = 4000;
    static final int MAX_NAME = 100;

    private Texts() {
    }

    /** The stripped text, or null (with an error) when required and missing or too long. */
    static String required(String field, String value, int max, List<FieldError> errors) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty() || text.length() > max) {
            errors.add(FieldError.of(field, "TEXT_REQUIRED", max));
            return null;
        }
        return text;
    }

    static String optional(String field, String value, int max, List<FieldError> errors) {
        String text = value == null ? null : value.strip();
        if (text != null && text.length() > max) {
            errors.add(FieldError.of(field, "TEXT_TOO_LONG", max));
        }
        return text == null || text.isEmpty() ? null : text;
    }

    /** An id in a request body, or null (with an error when required or not an id). */
    static UUID id(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "ID_INVALID"));
            }
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "ID_INVALID"));
            return null;
        }
    }

    static LocalDate date(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "DATE_INVALID"));
            }
            return null;
        }
        LocalDate date = CalendarDates.parseIso(value.strip()).orElse(null);
        if (date == null) {
            errors.add(FieldError.of(field, "DATE_INVALID"));
        }
        return date;
    }

    /** One of {@code kinds} named exactly, or null (with an error naming the kinds there are). */
    static <E extends Enum<E>> E kind(String field, String value, Class<E> kinds, List<FieldError> errors) {
        for (E kind : kinds.getEnumConstants()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        errors.add(FieldError.of(field, "KIND_UNKNOWN", Arrays.toString(kinds.getEnumConstants())));
        return null;
    }

    /** One of {@code kinds} named exactly; anything else is refused at once. */
    static <E extends Enum<E>> E kind(String field, String value, Class<E> kinds) {
        List<FieldError> errors = new ArrayList<>();
        E kind = kind(field, value, kinds, errors);
        PlanRecords.refuse(errors);
        return kind;
    }
}
