package cq.retirees.infra.http;

import cq.retirees.infra.db.DatabaseUnavailableException;
import cq.retirees.infra.db.SqlStates;
import cq.retirees.kernel.InvalidValueException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RFC 9457 problem documents for every refusal, in the caller's language. Unexpected failures become a 500 with
 * an incident id that is also logged; the client never sees a stack trace.
 */
public final class Problems {

    private static final System.Logger LOG = System.getLogger(Problems.class.getName());
    private static final String PROBLEM_JSON = "application/problem+json; charset=UTF-8";

    private final Messages messages;

    public Problems(Messages messages) {
        this.messages = messages;
    }

    /** Answers every failure with a problem document; {@code known} tells an unknown path from a wrong method. */
    public void register(HttpRouting.Builder routing, KnownRoutes known) {
        routing.error(ApiException.class, this::write)
                .error(InvalidValueException.class, (req, res, e) ->
                        write(req, res, ApiException.invalid(FieldError.of(e.field() == null ? "" : e.field(), e))))
                .error(DatabaseUnavailableException.class, (req, res, e) ->
                        write(req, res, ApiException.of(503, "SERVICE_UNAVAILABLE").withHeader("Retry-After", "5")))
                .error(HttpException.class, (req, res, e) -> write(req, res,
                        e.status().code() == 404 || e.status().code() == 405 ? known.notRouted(req) : fromHelidon(e)))
                .error(Throwable.class, this::unexpected);
    }

    public void write(ServerRequest request, ServerResponse response, ApiException problem) {
        if (response.isSent()) {
            return;
        }
        Language language = Language.of(request);
        problem.headers().forEach((name, value) -> response.header(HeaderNames.create(name), value));
        response.status(Status.create(problem.status()));
        response.header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        response.header(HeaderNames.CONTENT_LANGUAGE, language.tag());
        response.send(document(problem, language, request.path().absolute().rawPath()));
    }

    /**
     * Answers what the server refuses before any route sees it (a malformed request line or header, a URI or
     * headers too long) with a problem document too, instead of an empty body.
     */
    public DirectHandler beforeRouting() {
        return (request, event, status, headers, message) -> {
            Language language = Language.of(request.headers());
            ApiException problem = switch (status.code()) {
                case 413 -> ApiException.of(413, "PAYLOAD_TOO_LARGE", "-");
                case 414 -> ApiException.of(414, "URI_TOO_LONG");
                case 431 -> ApiException.of(431, "HEADERS_TOO_LARGE");
                default -> status.code() >= 500 ? ApiException.of(status.code(), "HTTP_NOT_SUPPORTED")
                        : ApiException.of(status.code(), "REQUEST_MALFORMED");
            };
            // The path is not echoed: it is what could not be read.
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, PROBLEM_JSON)
                    .header(HeaderNames.CONTENT_LANGUAGE, language.tag())
                    .keepAlive(false)
                    .entity(document(problem, language, null))
                    .build();
        };
    }

    private byte[] document(ApiException problem, Language language, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:cq-retirees:problem:" + problem.code());
        body.put("title", messages.title(problem.code(), language));
        body.put("status", problem.status());
        body.put("detail", messages.detail(problem.code(), problem.args(), language));
        body.put("code", problem.code());
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!problem.fieldErrors().isEmpty()) {
            List<Map<String, Object>> errors = problem.fieldErrors().stream()
                    .map(fe -> Map.<String, Object>of(
                            "field", fe.field(),
                            "code", fe.code(),
                            "message", messages.detail(fe.code(), fe.args(), language)))
                    .toList();
            body.put("errors", errors);
        }
        return Json.bytes(body);
    }

    private void unexpected(ServerRequest request, ServerResponse response, Throwable error) {
        if (SqlStates.isTransientConflict(error)) {
            // PostgreSQL chose this request to break a deadlock (or a serialization conflict): nothing was applied,
            // and the same request is likely to succeed at once.
            LOG.log(Level.INFO, "transient conflict on " + request.prologue().method().text() + " "
                    + request.path().path() + "; answered 503 to retry");
            write(request, response, ApiException.of(503, "TRY_AGAIN").withHeader("Retry-After", "1"));
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "incident " + incident + " on " + request.prologue().method().text() + " "
                + request.path().path(), error);
        write(request, response, ApiException.of(500, "INTERNAL_ERROR", incident));
    }

    private static ApiException fromHelidon(HttpException e) {
        int status = e.status().code();
        return switch (status) {
            case 413 -> ApiException.of(413, "PAYLOAD_TOO_LARGE", "-");
            case 415 -> ApiException.of(415, "UNSUPPORTED_MEDIA_TYPE", "-", "application/json");
            default -> status >= 500 ? ApiException.of(500, "INTERNAL_ERROR", "-") : ApiException.of(status, "BAD_REQUEST");
        };
    }
}
