package cq.retirees.registry.internal;

import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;

import java.util.EnumSet;
import java.util.Set;

/** Sensitive fields a permitted caller may ask to see in clear with {@code ?reveal=idNumber,phone,party}. */
enum RevealableField {
    ID_NUMBER("idNumber"),
    PHONE("phone"),
    PARTY("party");

    private final String parameter;

    RevealableField(String parameter) {
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    static Set<RevealableField> parse(String value) {
        Set<RevealableField> fields = EnumSet.noneOf(RevealableField.class);
        if (value == null || value.isBlank()) {
            return fields;
        }
        for (String name : value.split(",")) {
            RevealableField field = null;
            for (RevealableField candidate : values()) {
                if (candidate.parameter.equals(name.trim())) {
                    field = candidate;
                }
            }
            if (field == null) {
                throw ApiException.invalid(FieldError.of("reveal", "REVEAL_FIELD_UNKNOWN", "idNumber, phone, party"));
            }
            fields.add(field);
        }
        return fields;
    }
}
