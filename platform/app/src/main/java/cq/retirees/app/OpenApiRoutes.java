package cq.retirees.app;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi}: the API's OpenAPI 3.1 document, kept in step with the routes by a test. */
final class OpenApiRoutes implements HttpService {

    static final String PATH = "/openapi";
    static final String RESOURCE = "openapi.yaml";

    private final byte[] document = load();

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, "application/yaml; charset=UTF-8");
            response.send(document);
        });
    }

    private static byte[] load() {
        try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
