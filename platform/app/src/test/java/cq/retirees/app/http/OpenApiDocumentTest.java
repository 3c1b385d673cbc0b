package cq.retirees.app.http;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static cq.retirees.app.http.HttpChecks.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The OpenAPI document served at {@code /openapi} and the server's route table describe the same operations: a
 * route missing from the document or a documented operation without a route fails the build, and every documented
 * operation is answered by the live server.
 */
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static TestPlatform platform;
    private static Api admin;
    private static Map<String, Object> document;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(OpenApiDocumentTest.class);
        admin = platform.admin();
        Api.Response served = platform.api().get("/openapi");
        assertStatus(200, served);
        document = new Yaml().load(served.text());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theDocumentIsServedAsYamlWithoutAToken() {
        Api.Response served = platform.api().get("/openapi");
        assertStatus(200, served);
        assertTrue(served.header("Content-Type").startsWith("application/yaml"), served.header("Content-Type"));
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3."), () -> "openapi: " + document.get("openapi"));
    }

    @Test
    void everyRouteIsDocumented() {
        Set<String> undocumented = difference(serverRoutes(), documentedOperations());
        assertTrue(undocumented.isEmpty(), () -> "routes missing from /openapi: " + undocumented);
    }

    @Test
    void everyDocumentedOperationHasARoute() {
        Set<String> unrouted = difference(documentedOperations(), serverRoutes());
        assertTrue(unrouted.isEmpty(), () -> "documented operations the server does not route: " + unrouted);
    }

    @Test
    void theRouteTableHasNoDuplicates() {
        List<String> routes = platform.platform().apiRoutes().stream().map(OpenApiDocumentTest::normalise).toList();
        assertEquals(routes.size(), new TreeSet<>(routes).size(), routes::toString);
    }

    @Test
    void everyDocumentedOperationIsAnsweredByTheServer() {
        List<String> failures = new ArrayList<>();
        String userId = admin.get("/api/v1/auth/me").json().get("id").asText();
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = substitute(operation.substring(operation.indexOf(' ') + 1), userId);
            // A session of its own for every call: the logout operation must not end the others' session.
            Api caller = platform.admin();
            boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            Api.Response response = caller.send(method, path, hasBody ? "application/json" : null,
                    hasBody ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : null);
            if (response.status() >= 500) {
                failures.add(method + " " + path + " -> " + response);
            } else if (response.status() == 404 && isRouteNotFound(response)) {
                failures.add(method + " " + path + " -> ROUTE_NOT_FOUND");
            } else if (response.status() == 405) {
                failures.add(method + " " + path + " -> 405 " + response.header("Allow"));
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void theComparisonNoticesAMissingOrAnExtraOperation() {
        // Guards the guard: dropping a documented operation or adding an unrouted one must show in the differences.
        Set<String> routes = serverRoutes();
        Set<String> documented = documentedOperations();
        String dropped = routes.stream().filter(documented::contains).findFirst().orElseThrow();
        Set<String> fewer = new TreeSet<>(documented);
        fewer.remove(dropped);
        assertTrue(difference(routes, fewer).contains(dropped));

        String invented = "DELETE /api/v1/areas/{code}";
        Set<String> more = new TreeSet<>(documented);
        more.add(invented);
        assertTrue(difference(more, routes).contains(invented));

        assertEquals("GET /api/v1/areas/{code}", normalise("get /api/v1/areas/{code:\\d+}/"));
    }

    @Test
    void everySchemaIsWellFormed() {
        List<String> faults = schemaFaults(document);
        assertTrue(faults.isEmpty(), () -> String.join("\n", faults));
    }

    @Test
    void theSchemaCheckNoticesAMalformedKeyAPropertyNameAndAStrayRequiredName() {
        // Guards the guard: the YAML flow map {type: string, description: optional, must match} has a key
        // "must match" with no value, which is no schema keyword.
        Map<String, Object> broken = new Yaml().load("""
                components:
                  schemas:
                    Draft:
                      type: object
                      required: [name, age]
                      properties:
                        name: {type: string, description: optional, must match the ID number}
                        'two words': {type: string}
                """);
        List<String> faults = schemaFaults(broken);
        assertTrue(faults.stream().anyMatch(f -> f.contains("must match the ID number")), faults::toString);
        assertTrue(faults.stream().anyMatch(f -> f.contains("two words")), faults::toString);
        assertTrue(faults.stream().anyMatch(f -> f.contains("age")), faults::toString);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static final Set<String> SCHEMA_KEYWORDS = Set.of("type", "format", "description", "enum", "const",
            "default", "example", "examples", "title", "properties", "required", "additionalProperties", "items",
            "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minProperties", "maxProperties", "$ref", "allOf",
            "anyOf", "oneOf", "not", "readOnly", "writeOnly", "deprecated", "discriminator", "externalDocs",
            "contentMediaType", "contentEncoding", "$comment");
    private static final java.util.regex.Pattern PROPERTY_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Faults of every schema in {@code node}: the component schemas and every {@code schema} under the paths. */
    @SuppressWarnings("unchecked")
    private static List<String> schemaFaults(Map<String, Object> root) {
        List<String> faults = new ArrayList<>();
        Object components = root.get("components");
        if (components instanceof Map<?, ?> c && c.get("schemas") instanceof Map<?, ?> schemas) {
            ((Map<String, Object>) schemas).forEach((name, schema) -> checkSchema(name, schema, faults));
        }
        findSchemas("", root, faults);
        return faults;
    }

    @SuppressWarnings("unchecked")
    private static void findSchemas(String at, Object node, List<String> faults) {
        if (node instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).forEach((key, value) -> {
                if ("schema".equals(key)) {
                    checkSchema(at + "/schema", value, faults);
                } else if (!"schemas".equals(key)) {
                    findSchemas(at + "/" + key, value, faults);
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                findSchemas(at + "[" + i + "]", list.get(i), faults);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkSchema(String at, Object node, List<String> faults) {
        if (node instanceof Boolean) {
            return;
        }
        if (!(node instanceof Map<?, ?> map)) {
            faults.add(at + ": not a schema: " + node);
            return;
        }
        Map<Object, Object> schema = (Map<Object, Object>) map;
        for (Object key : schema.keySet()) {
            if (!(key instanceof String name) || !(SCHEMA_KEYWORDS.contains(name) || name.startsWith("x-"))) {
                faults.add(at + ": \"" + key + "\" is no schema keyword (a comma in a flow map's text?)");
            }
        }
        Map<Object, Object> properties = schema.get("properties") instanceof Map<?, ?> p
                ? (Map<Object, Object>) p : Map.of();
        properties.forEach((name, property) -> {
            if (!PROPERTY_NAME.matcher(String.valueOf(name)).matches()) {
                faults.add(at + ": property name \"" + name + "\" is not a plain identifier");
            }
            checkSchema(at + "." + name, property, faults);
        });
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!properties.containsKey(name)) {
                    faults.add(at + ": required \"" + name + "\" is not one of its properties");
                }
            }
        }
        for (String nested : List.of("items", "not")) {
            if (schema.containsKey(nested)) {
                checkSchema(at + "/" + nested, schema.get(nested), faults);
            }
        }
        if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
            checkSchema(at + "/additionalProperties", additional, faults);
        }
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combined) instanceof List<?> parts) {
                for (int i = 0; i < parts.size(); i++) {
                    checkSchema(at + "/" + combined + "[" + i + "]", parts.get(i), faults);
                }
            }
        }
    }

    /** What {@code a} has and {@code b} lacks. */
    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    /** Every operation of the document as {@code METHOD /path}. */
    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() {
        Object paths = document.get("paths");
        if (!(paths instanceof Map<?, ?> pathMap) || pathMap.isEmpty()) {
            fail("the document has no paths");
            return Set.of();
        }
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, Object> path : ((Map<String, Object>) pathMap).entrySet()) {
            if (!(path.getValue() instanceof Map<?, ?> item)) {
                fail("path item of " + path.getKey() + " is not a map");
                continue;
            }
            for (Object key : item.keySet()) {
                String name = String.valueOf(key).toLowerCase(Locale.ROOT);
                if (HTTP_METHODS.contains(name)) {
                    operations.add(normalise(name + " " + path.getKey()));
                }
            }
        }
        return operations;
    }

    private static Set<String> serverRoutes() {
        Set<String> routes = new TreeSet<>();
        platform.platform().apiRoutes().forEach(r -> routes.add(normalise(r)));
        assertFalse(routes.isEmpty(), "the server reports no routes");
        return routes;
    }

    /** Upper-case method; path parameters keep their names but lose any pattern ({@code {id:\d+}} -> {@code {id}}). */
    private static String normalise(String operation) {
        int space = operation.indexOf(' ');
        String method = operation.substring(0, space).toUpperCase(Locale.ROOT);
        String path = operation.substring(space + 1).trim().replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return method + " " + path;
    }

    /** Plausible values for path parameters: the admin's own id for users, 渝中区 for areas. */
    private static String substitute(String path, String userId) {
        return path.replace("{id}", userId).replace("{code}", "500103").replaceAll("\\{[^}]+}", "1");
    }

    private static boolean isRouteNotFound(Api.Response response) {
        try {
            return "ROUTE_NOT_FOUND".equals(response.code());
        } catch (AssertionError notJson) {
            return true; // a plain 404 from the server's own router: no route either
        }
    }
}
