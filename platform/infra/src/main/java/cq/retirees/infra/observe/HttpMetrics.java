package cq.retirees.infra.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Times every request as {@code http.server.requests}, tagged by method, route pattern (not the raw path, so ids
 * do not multiply series) and status.
 */
public final class HttpMetrics implements Filter {

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.proceed();
        } finally {
            sample.stop(Timer.builder("http.server.requests")
                    .tag("method", request.prologue().method().text())
                    .tag("route", request.matchingPattern().orElse("UNMATCHED"))
                    .tag("status", Integer.toString(response.status().code()))
                    .publishPercentileHistogram(false)
                    .register(registry));
        }
    }
}
