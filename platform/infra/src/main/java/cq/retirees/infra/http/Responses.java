package cq.retirees.infra.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes JSON responses with the platform's mapper, and {@code ETag} for versioned resources. */
public final class Responses {

    private static final String JSON = "application/json; charset=UTF-8";

    private Responses() {
    }

    public static void ok(ServerResponse response, Object body) {
        send(response, 200, body);
    }

    public static void okVersioned(ServerResponse response, Object body, long version) {
        response.header(HeaderNames.ETAG, Versions.etag(version));
        send(response, 200, body);
    }

    public static void send(ServerResponse response, int status, Object body) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, JSON);
        response.send(Json.bytes(body));
    }

    public static void send(ServerResponse response, Reply reply) {
        reply.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
        if (reply.body() == null) {
            response.status(Status.create(reply.status())).send();
        } else {
            send(response, reply.status(), reply.body());
        }
    }
}
