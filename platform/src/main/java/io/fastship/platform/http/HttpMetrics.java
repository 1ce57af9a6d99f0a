package io.fastship.platform.http;

import java.util.concurrent.TimeUnit;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts and times every HTTP request of a service as
 * {@code fastship_http_server_requests_seconds{method,route,status}}; the route is the matched pattern
 * ({@code /orders/{id}}), so ids do not explode the label set.
 */
final class HttpMetrics {

    private static final String START = "fastship.request.start";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    /** Runs after the response is decided, also for asynchronous ones (Javalin awaits the future first). */
    void after(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("fastship.http.server.requests")
                .description("HTTP requests served, by route and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
