package cq.retirees.handover.internal;

import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.FreeTextFields;
import cq.retirees.kernel.CalendarDates;
import cq.retirees.kernel.FreeText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Checks of free text, ids, dates and kinds in handover requests; each fault is collected as a field error. */
final class Texts {

    /** What a free-text field holds: a one-line name, or prose on as many lines as it needs. */
    record Kind(FreeText rule, int max) {
    }

    /** Names of people and units: one line, at most 100 characters. */
    static final Kind NAME = new Kind(FreeText.SINGLE_LINE, 100);
    /** Reasons, notes, minutes, petition and objection texts: several lines, at most 4,000 characters. */
    static final Kind PROSE = new Kind(FreeText.MULTI_LINE, 4000);

    private Texts() {
    }

    /** The text as stored (the kernel's text rule, NFC), or null with an error when missing, too long or refused. */
    static String required(String field, String value, Kind kind, List<FieldError> errors) {
        return FreeTextFields.required(field, value, kind.rule(), kind.max(), "TEXT_REQUIRED", errors);
    }

    /** The text as stored, or null when absent or blank; too long or a refused character is an error. */
    static String optional(String field, String value, Kind kind, List<FieldError> errors) {
        String text = FreeTextFields.read(field, value, kind.rule(), errors);
        if (text != null && text.length() > kind.max()) {
            errors.add(FieldError.of(field, "TEXT_TOO_LONG", kind.max()));
        }
        return text == null || text.isEmpty() ? null : text;
    }

    /** Whether {@code errors} already holds a fault of {@code field}: one fault per field is enough to fix it. */
    static boolean reported(String field, List<FieldError> errors) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
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
