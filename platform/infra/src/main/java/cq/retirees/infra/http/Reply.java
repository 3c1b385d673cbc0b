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
}
