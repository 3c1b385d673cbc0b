package cq.retirees.infra.http;

import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.RefusedCharacter;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Optional;

/**
 * Refuses, before any handler sees it, a path or query parameter whose decoded text holds a character that
 * {@link FreeText} refuses on one line ({@code %00}, {@code %1B}, {@code %E2%80%AE}, …): no identifier, filter or
 * search word of this API contains one, and PostgreSQL cannot store U+0000. The field error names the parameter
 * ({@code path} for the path, {@code query} for a parameter's name), the character and its position.
 */
public final class UrlCharacters implements Filter {

    private final Problems problems;

    public UrlCharacters(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Optional<FieldError> refused = refusal("path", request.path().path());
        for (String name : request.query().names()) {
            refused = refused.or(() -> refusal("query", name));
            for (String value : request.query().all(name)) {
                refused = refused.or(() -> refusal(name, value));
            }
        }
        if (refused.isPresent()) {
            problems.write(request, response, ApiException.invalid(refused.get()));
            return;
        }
        chain.proceed();
    }

    private static Optional<FieldError> refusal(String field, String text) {
        Optional<RefusedCharacter> refused = FreeText.SINGLE_LINE.firstRefused(text);
        return refused.map(character -> FieldError.refused(field, character));
    }
}
