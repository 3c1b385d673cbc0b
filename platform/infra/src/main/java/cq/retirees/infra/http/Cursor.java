package cq.retirees.infra.http;

import com.fasterxml.jackson.core.type.TypeReference;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The sort key of the last row a client has seen, opaque to the client (base64url of a JSON array). The next page
 * starts strictly after it, so a page costs the same wherever it is in the list.
 */
public record Cursor(List<String> keys) {

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(String... keys) {
        return new Cursor(List.of(keys));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(keys));
    }

    /** Decodes a cursor that must carry exactly {@code arity} keys; anything else is the client's fault (400). */
    public static Cursor decode(String encoded, int arity) {
        try {
            byte[] json = Base64.getUrlDecoder().decode(encoded);
            List<String> keys = Json.mapper().readValue(new String(json, StandardCharsets.UTF_8),
                    new TypeReference<List<String>>() { });
            if (keys == null || keys.size() != arity
                    || keys.stream().anyMatch(k -> k == null || k.indexOf('\u0000') >= 0)) {
                throw ApiException.badRequest("INVALID_CURSOR");
            }
            return new Cursor(keys);
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiException.badRequest("INVALID_CURSOR");
        }
    }

    public String key(int index) {
        return keys.get(index);
    }

    /** A numeric key; a cursor whose key is not a number was not issued by us (400). */
    public long longKey(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_CURSOR");
        }
    }

    /** A UUID key; a cursor whose key is not a UUID was not issued by us (400). */
    public java.util.UUID uuidKey(int index) {
        try {
            return java.util.UUID.fromString(keys.get(index));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_CURSOR");
        }
    }
}
