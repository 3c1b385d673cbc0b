package cq.retirees.kernel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value failed validation.
 *
 * <p>The message is English and is written for developers and logs; it must never echo the offending
 * value, because that value may be a citizen's ID number and personal data must not reach logs or
 * error responses. Clients localise by {@link #code()}, which is stable and never reworded.
 */
public class InvalidValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final String code;
    private final String field;

    /**
     * @param code    stable UPPER_SNAKE machine code, e.g. {@code ID_NUMBER_BAD_CHECKSUM}
     * @param field   name of the offending input field, or {@code null} when the caller knows better
     * @param message English description of the fault; must not contain the offending value
     */
    public InvalidValueException(String code, String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        Objects.requireNonNull(code, "code");
        if (!UPPER_SNAKE.matcher(code).matches()) {
            // Codes are a contract with clients; a typo here would silently break their localisation.
            throw new IllegalArgumentException("code must be UPPER_SNAKE_CASE");
        }
        this.code = code;
        this.field = field;
    }

    /** Stable machine-readable code, e.g. {@code ID_NUMBER_BAD_CHECKSUM}. */
    public String code() {
        return code;
    }

    /** Name of the input field at fault, or {@code null} if not known. */
    public String field() {
        return field;
    }
}
