package cq.retirees.kernel;

/**
 * A text holds a character {@link FreeText} refuses. The message names the character's code point and position
 * only, never the text around it, which may be a name.
 */
public final class InvalidTextException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    private final transient RefusedCharacter refused;

    InvalidTextException(String field, FreeText rule, RefusedCharacter refused) {
        super(FreeText.CHARACTER_NOT_ALLOWED, field, refused.notation() + " (" + refused.kind() + ") at character "
                + refused.position() + " is not allowed in " + (rule == FreeText.SINGLE_LINE ? "single-line" : "multi-line")
                + " text");
        this.refused = refused;
    }

    /** The character refused and its position. */
    public RefusedCharacter refused() {
        return refused;
    }
}
