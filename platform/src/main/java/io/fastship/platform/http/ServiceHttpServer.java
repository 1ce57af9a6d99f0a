package io.fastship.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side every service has: {@code /health} (readiness: every indicator UP, else 503),
 * {@code /health/live} (liveness: 503 once the service cannot recover, so it is restarted), {@code /metrics} (Prometheus text), plus the service's own routes;
 * every request is timed as {@code fastship_http_server_requests_seconds}.
 */
public final class ServiceHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceHttpServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin javalin;

    private ServiceHttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts on {@code host:port} (port 0 picks a free one) with the standard routes and the service's own. */
    public static ServiceHttpServer start(String serviceName, String host, int port, ServiceMetrics metrics,
                                          Map<String, HealthIndicator> indicators, HealthIndicator liveness,
                                          Consumer<RoutesConfig> routes) {
        Map<String, HealthIndicator> checks = Map.copyOf(indicators);
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            HttpMetrics requests = new HttpMetrics(metrics.registry());
            config.routes.before(requests::before);
            config.routes.after(requests::after);
            config.routes.get("/health/live", ctx -> {
                Health live = safely(liveness);
                ctx.status(live.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                        .json(Map.of("status", live.up() ? "UP" : "DOWN", "service", serviceName));
            });
            config.routes.get("/health", ctx -> {
                Map<String, Object> components = new LinkedHashMap<>();
                boolean up = true;
                for (var entry : checks.entrySet()) {
                    Health health = safely(entry.getValue());
                    up &= health.up();
                    components.put(entry.getKey(), health.toJson());
                }
                ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                        .json(Map.of("status", up ? "UP" : "DOWN", "service", serviceName, "components", components));
            });
            config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
            routes.accept(config.routes);
        }).start();
        log.info("{} HTTP on http://{}:{} (/health, /metrics)", serviceName, host, javalin.port());
        return new ServiceHttpServer(javalin);
    }

    private static Health safely(HealthIndicator indicator) {
        try {
            return indicator.check();
        } catch (RuntimeException e) {
            return Health.down(e.toString());
        }
    }

    public int port() {
        return javalin.port();
    }

    /** The Javalin instance, for services that add exception mappers or SSE after start. */
    public Javalin javalin() {
        return javalin;
    }

    @Override
    public void close() {
        javalin.stop();
    }

    /** Convenience for services with no routes of their own. */
    public static Consumer<RoutesConfig> noRoutes() {
        return routes -> {
        };
    }
}
