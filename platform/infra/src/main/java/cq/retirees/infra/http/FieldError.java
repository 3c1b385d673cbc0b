package cq.retirees.infra.http;

import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.InvalidTextException;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.RefusedCharacter;

import java.util.List;

/** One fault in a request, named by the field it is in; {@code args} fill the message template of {@code code}. */
public record FieldError(String field, String code, List<Object> args) {

    public FieldError {
        args = List.copyOf(args);
    }

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, List.of(args));
    }

    /** A kernel value's refusal; a refused character of a text is named, with its position. */
    public static FieldError of(String field, InvalidValueException invalid) {
        if (invalid instanceof InvalidTextException text) {
            return refused(field, text.refused());
        }
        return of(field, invalid.code());
    }

    /**
     * {@code TEXT_CHARACTER_NOT_ALLOWED}: the character as U+XXXX, its position, and its name (or, for one without
     * a name of its own in the bundles, its sort) in the reader's language. The text itself is never repeated.
     */
    public static FieldError refused(String field, RefusedCharacter character) {
        return of(field, FreeText.CHARACTER_NOT_ALLOWED, character.notation(), character.position(),
                new Messages.Label("Character", character.notation(),
                        Messages.Label.of("CharacterKind", character.kind().name())));
    }
}
