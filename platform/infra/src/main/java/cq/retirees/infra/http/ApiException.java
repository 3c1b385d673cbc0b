package cq.retirees.infra.http;

import java.util.List;
import java.util.Map;

/**
 * A refusal the client can act on: an HTTP status, a stable machine code, arguments for the localized detail
 * text, field errors for validation, and headers such as {@code Retry-After}. Never carries personal data.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Object> args;
    private final List<FieldError> fieldErrors;
    private final Map<String, String> headers;

    public ApiException(int status, String code, List<Object> args, List<FieldError> fieldErrors,
                        Map<String, String> headers) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = List.copyOf(args);
        this.fieldErrors = List.copyOf(fieldErrors);
        this.headers = Map.copyOf(headers);
    }

    public static ApiException of(int status, String code, Object... args) {
        return new ApiException(status, code, List.of(args), List.of(), Map.of());
    }

    public static ApiException badRequest(String code, Object... args) {
        return of(400, code, args);
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "VALIDATION_FAILED", List.of(errors.size()), errors, Map.of());
    }

    public static ApiException invalid(FieldError error) {
        return invalid(List.of(error));
    }

    public static ApiException forbidden(String code, Object... args) {
        return of(403, code, args);
    }

    /** Not found, or not visible to the caller: the two are deliberately indistinguishable. */
    public static ApiException notFound(String code, Object... args) {
        return of(404, code, args);
    }

    public static ApiException conflict(String code, Object... args) {
        return of(409, code, args);
    }

    public static ApiException unprocessable(String code, Object... args) {
        return of(422, code, args);
    }

    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, code, args, fieldErrors, more);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Object> args() {
        return args;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
