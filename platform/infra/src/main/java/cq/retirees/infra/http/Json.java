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
            .addModule(new SimpleModule("no-nul-characters").addDeserializer(String.class, new NoNulStrings()))
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
     * PostgreSQL cannot store U+0000 in text, and a lone UTF-16 surrogate ("\\ud800" in JSON) is no character at
     * all (the driver would store "?"); refusing both while parsing gives a 400 that names the field instead of a
     * database error or a silently changed text.
     */
    private static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
                                  com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException("\\u0000", String.class, NUL_CHARACTER);
            }
            if (value != null && hasLoneSurrogate(value)) {
                throw context.weirdStringException("\\ud800-\\udfff", String.class, LONE_SURROGATE);
            }
            return value;
        }

        private static boolean hasLoneSurrogate(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final String NUL_CHARACTER = "contains U+0000";
    static final String LONE_SURROGATE = "contains a lone UTF-16 surrogate";

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
