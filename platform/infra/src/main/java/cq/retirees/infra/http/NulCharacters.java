package cq.retirees.infra.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Locale;

/**
 * Refuses a path or query that carries an encoded NUL ({@code %00}) before any handler sees it: PostgreSQL cannot
 * store U+0000 in text, and no identifier or filter of this API contains one. Bodies are checked while parsing.
 */
public final class NulCharacters implements Filter {

    private final Problems problems;

    public NulCharacters(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String raw = request.path().absolute().rawPath() + "?" + request.query().rawValue();
        if (raw.toLowerCase(Locale.ROOT).contains("%00") || raw.indexOf('\u0000') >= 0) {
            problems.write(request, response, ApiException.badRequest("TEXT_NUL_CHARACTER_IN_URL"));
            return;
        }
        chain.proceed();
    }
}
