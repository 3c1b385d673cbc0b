package cq.retirees.infra.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response decided by a use case: what an idempotent request stores and replays. */
public record Reply(int status, Object body, Map<String, String> headers) {

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply created(Object body, String location, long version) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        headers.put("ETag", Versions.etag(version));
        return new Reply(201, body, headers);
    }

    public static Reply ok(Object body) {
        return new Reply(200, body, Map.of());
    }

    public static Reply okVersioned(Object body, long version) {
        return new Reply(200, body, Map.of("ETag", Versions.etag(version)));
    }

    public static Reply noContent() {
        return new Reply(204, null, Map.of());
    }
}
