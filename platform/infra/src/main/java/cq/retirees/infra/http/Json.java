package cq.retirees.infra.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import cq.retirees.kernel.CalendarDates;
import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.RefusedCharacter;

import java.time.LocalDate;
import java.util.Optional;

/** The one JSON configuration of the API: strict on input (unknown fields are errors), ISO-8601 on output. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .addModule(new SimpleModule("free-text").addDeserializer(String.class, new FreeTextStrings()))
            // a number or boolean where text is expected is the client's mistake, not a text to store ("1e309")
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("calendar-dates").addDeserializer(LocalDate.class, new CalendarLocalDates()))
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * No JSON string of any body carries a character that {@link FreeText} refuses even in multi-line text: a
     * control other than tab and line breaks (PostgreSQL cannot store U+0000 at all), an invisible format character,
     * a lone UTF-16 surrogate ("\\ud800", which the driver would store as "?"). Refusing them while parsing gives a
     * 400 naming the field, the character and its position, whatever field it is; each free-text field then applies
     * its own shape (one line or several) and NFC.
     */
    private static final class FreeTextStrings extends StringDeserializer {
        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                  com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            String value = super.deserialize(parser, context);
            if (value != null) {
                Optional<RefusedCharacter> refused = FreeText.MULTI_LINE.firstRefused(value);
                if (refused.isPresent()) {
                    throw new RefusedCharacterException(parser, refused.get());
                }
            }
            return value;
        }
    }

    /** A JSON string with a character {@link FreeText} refuses; Jackson adds the path to the field on its way up. */
    static final class RefusedCharacterException extends com.fasterxml.jackson.databind.JsonMappingException {

        private static final long serialVersionUID = 1L;

        private final transient RefusedCharacter refused;

        RefusedCharacterException(com.fasterxml.jackson.core.JsonParser parser, RefusedCharacter refused) {
            super(parser, refused.notation() + " at character " + refused.position() + " is not allowed in text");
            this.refused = refused;
        }

        RefusedCharacter refused() {
            return refused;
        }
    }

    /**
     * Dates are ISO-8601 strings within {@link CalendarDates}; anything else is refused while parsing, like a
     * malformed date (400 DATE_INVALID). Jackson's own reader also takes arrays and years PostgreSQL cannot store.
     */
    private static final class CalendarLocalDates extends StdScalarDeserializer<LocalDate> {
        CalendarLocalDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                     com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText().strip() : null;
            if (text != null && text.isEmpty()) {
                return null;
            }
            Optional<LocalDate> date = text == null ? Optional.empty() : CalendarDates.parseIso(text);
            if (date.isEmpty()) {
                throw context.weirdStringException(String.valueOf(text), LocalDate.class,
                        "not an ISO-8601 date within the years 1 to 9999");
            }
            return date.get();
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable: " + value.getClass().getName(), e);
        }
    }
}
