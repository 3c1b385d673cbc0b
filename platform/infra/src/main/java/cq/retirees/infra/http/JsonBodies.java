package cq.retirees.infra.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import cq.retirees.kernel.InvalidValueException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads request bodies the same way everywhere: JSON media type required (415), a size cap (413), and every
 * parse fault turned into a 400 that names it (malformed JSON, unknown field, wrong type, invalid value).
 */
public final class JsonBodies {

    private final long maxBytes;

    public JsonBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public <T> T read(ServerRequest request, Class<T> type) {
        return parse(bytes(request), type);
    }

    /** The raw body, after the media-type and size checks. */
    public byte[] bytes(ServerRequest request) {
        requireJson(request);
        return readLimited(request, maxBytes);
    }

    public static <T> T parse(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ApiException.badRequest("BODY_REQUIRED");
        }
        requireUtf8(body);
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("BODY_NOT_AN_OBJECT"); // the body was the JSON literal null
            }
            return value;
        } catch (Json.RefusedCharacterException e) {
            throw ApiException.invalid(FieldError.refused(path(e), e.refused()));
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid(FieldError.of(path(e), "UNKNOWN_FIELD", e.getPropertyName()));
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof InvalidValueException invalid) {
                throw ApiException.invalid(FieldError.of(fieldOf(e, invalid), invalid));
            }
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid(FieldError.of(path(e), "INVALID_VALUE"));
        } catch (InvalidFormatException e) {
            throw ApiException.invalid(formatError(path(e), e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                // a whole object and then more (FAIL_ON_TRAILING_TOKENS): not one JSON document
                throw ApiException.badRequest("MALFORMED_JSON", e.getLocation().getLineNr(),
                        e.getLocation().getColumnNr());
            }
            if (field.isEmpty()) {
                throw ApiException.badRequest("BODY_NOT_AN_OBJECT");
            }
            throw ApiException.invalid(FieldError.of(field, "INVALID_FIELD_TYPE", simpleType(e.getTargetType())));
        } catch (JsonParseException e) {
            throw ApiException.badRequest("MALFORMED_JSON",
                    e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof java.time.format.DateTimeParseException) {
                throw ApiException.invalid(FieldError.of(path(e), "DATE_INVALID"));
            }
            throw ApiException.invalid(FieldError.of(path(e), "INVALID_VALUE"));
        } catch (IOException e) {
            throw ApiException.badRequest("MALFORMED_JSON", 0, 0);
        }
    }

    /**
     * JSON is UTF-8 (RFC 8259). Jackson's reader also decodes overlong forms ({@code C0 AF} as "/"), which a strict
     * decoder refuses; a body that is not UTF-8 is refused whole, at the byte where it stops being UTF-8.
     */
    private static void requireUtf8(byte[] body) {
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("BODY_NOT_UTF8", bytes.position());
        }
    }

    private static FieldError formatError(String field, Class<?> target) {
        if (target == java.time.LocalDate.class) {
            return FieldError.of(field, "DATE_INVALID");
        }
        if (target == java.time.Instant.class || target == java.time.OffsetDateTime.class) {
            return FieldError.of(field, "INSTANT_INVALID");
        }
        return FieldError.of(field, "INVALID_FIELD_TYPE", simpleType(target));
    }

    static void requireJson(ServerRequest request) {
        String contentType = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            throw ApiException.of(415, "UNSUPPORTED_MEDIA_TYPE", contentType.isBlank() ? "-" : mediaType,
                    "application/json");
        }
    }

    /** Reads at most {@code limit} bytes; the declared length is checked first so a large body is refused unread. */
    public static byte[] readLimited(ServerRequest request, long limit) {
        request.headers().contentLength().ifPresent(length -> {
            if (length > limit) {
                throw ApiException.of(413, "PAYLOAD_TOO_LARGE", limit);
            }
        });
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw ApiException.of(413, "PAYLOAD_TOO_LARGE", limit);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String fieldOf(JsonMappingException e, InvalidValueException invalid) {
        String path = path(e);
        return path.isEmpty() && invalid.field() != null ? invalid.field() : path;
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        return type.isRecord() || java.util.Map.class.isAssignableFrom(type) ? "object" : "string";
    }
}
