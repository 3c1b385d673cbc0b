package cq.retirees.infra.http;

import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.InvalidTextException;

import java.util.List;

/** Free text of a request held to the kernel's {@link FreeText} rule, a refusal collected as a field error. */
public final class FreeTextFields {

    private FreeTextFields() {
    }

    /**
     * The text as it is stored ({@link FreeText#normalise}); {@code null} when {@code raw} is {@code null}, or when
     * a character is refused, which is then added to {@code errors}.
     */
    public static String read(String field, String raw, FreeText rule, List<FieldError> errors) {
        try {
            return rule.normalise(raw, field);
        } catch (InvalidTextException e) {
            errors.add(FieldError.of(field, e));
            return null;
        }
    }

    /**
     * A text that must be there: its stored form, or {@code null} with one fault in {@code errors}, either the
     * refused character or {@code code} (with {@code max} as its argument) when the text is missing, blank or longer
     * than {@code max}.
     */
    public static String required(String field, String raw, FreeText rule, int max, String code,
                                  List<FieldError> errors) {
        if (raw == null) {
            errors.add(FieldError.of(field, code, max));
            return null;
        }
        String text = read(field, raw, rule, errors);
        if (text == null) {
            return null;
        }
        if (text.isEmpty() || text.length() > max) {
            errors.add(FieldError.of(field, code, max));
            return null;
        }
        return text;
    }
}
