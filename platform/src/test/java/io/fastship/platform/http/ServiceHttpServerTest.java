package io.fastship.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ServiceMetrics metrics = new ServiceMetrics("test-service");
    private final AtomicBoolean kafkaUp = new AtomicBoolean(true);
    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final ServiceHttpServer server = ServiceHttpServer.start("test-service", "127.0.0.1", 0, metrics,
            Map.of("kafka", () -> kafkaUp.get() ? Health.up("reachable") : Health.down("no broker"),
                    "broken", () -> Health.up("fine")),
            () -> alive.get() ? Health.up("running") : Health.down("streams: ERROR"),
            routes -> routes.get("/hello", ctx -> ctx.result("hi")));

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void healthIsUpWhenEveryIndicatorIs() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("reachable");
    }

    @Test
    void healthIs503WhenOneIndicatorIsDown() throws Exception {
        kafkaUp.set(false);

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"").contains("no broker");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void livenessIs503OnceTheServiceCannotRecover() throws Exception {
        alive.set(false);

        HttpResponse<String> response = get("/health/live");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void metricsArePrometheusTextWithJvmMetersAndTheServiceTag() throws Exception {
        metrics.registry().counter("fastship_test_things").increment(3);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("jvm_memory_used_bytes")
                .contains("fastship_test_things_total{service=\"test-service\"} 3.0");
    }

    @Test
    void serviceRoutesAreServed() throws Exception {
        assertThat(get("/hello").body()).isEqualTo("hi");
    }

    @Test
    void everyRequestIsTimedByRouteAndStatus() throws Exception {
        get("/hello");
        get("/hello");

        assertThat(get("/metrics").body()).containsPattern(
                "fastship_http_server_requests_seconds_count\\{[^}]*route=\"/hello\"[^}]*status=\"200\"[^}]*} 2")
                .contains("fastship_http_server_requests_seconds_bucket{");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
