package io.fastship.platform.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    // One timer per method, route and status, found once: routes are patterns and statuses few, so this stays small,
    // and a builder plus a registry lookup per request showed in the profile of the order service.
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

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
        String method = ctx.method().name();
        int status = ctx.statusCode();
        timers.computeIfAbsent(method + ' ' + status + ' ' + route, key -> Timer.builder("fastship.http.server.requests")
                        .description("HTTP requests served, by route and status")
                        .tag("method", method)
                        .tag("route", route)
                        .tag("status", Integer.toString(status))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}
