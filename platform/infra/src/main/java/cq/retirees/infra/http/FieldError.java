package cq.retirees.infra.http;

import java.util.List;

/** One fault in a request, named by the field it is in; {@code args} fill the message template of {@code code}. */
public record FieldError(String field, String code, List<Object> args) {

    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, List.of(args));
    }
}
