package io.fastship.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fastship.inspector.Cluster;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API handlers without a broker: input checks, problem+json, the pages, and scaling through a fake control endpoint. */
class ConsoleApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleServer server;
    private HttpServer control;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (control != null) {
            control.stop(0);
        }
    }

    @Test
    void shouldAnswerAMalformedOrderIdWithAProblemNamingWhatIsAllowed() throws Exception {
        start(null);

        HttpResponse<String> response = get("/api/orders/not%20an%20id%3B");

        assertProblem(response, 400, "'not an id;' is not an order id");
    }

    @Test
    void shouldAnswerAnIllegalTopicNameAndABadLimitWithProblems() throws Exception {
        start(null);

        assertProblem(get("/api/topics/bad%24name"), 400, "is not a topic name");
        assertProblem(get("/api/topics/orders/records?limit=abc"), 400, "limit must be a number from 1 to 200");
    }

    @Test
    void shouldAnswerAnUnknownApiPathWithAProblemNotAStackTrace() throws Exception {
        start(null);

        assertProblem(get("/api/nothing-here"), 404, "no such API");
    }

    @Test
    void shouldReportAnUnreachableClusterAsAProblem() throws Exception {
        start(null);

        assertProblem(get("/api/topics"), 502, "cannot reach Kafka at 127.0.0.1:1");
    }

    @Test
    void shouldRefuseToScaleWhenNoLocalStackIsConfigured() throws Exception {
        start(null);

        assertProblem(post("/api/scale/payment/2"), 403, "scaling needs a local stack");
        JsonNode stack = JSON.readTree(get("/api/stack").body());
        assertThat(stack.get("local").asBoolean()).isFalse();
    }

    @Test
    void shouldScaleThroughTheLaunchersControlEndpoint() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        int[] payments = {1};
        control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/status", exchange -> {
            StringBuilder body = new StringBuilder("[{\"name\":\"broker-1\",\"state\":\"running\"}");
            for (int i = 1; i <= payments[0]; i++) {
                body.append(",{\"name\":\"payment-").append(i).append("\",\"state\":\"running\"}");
            }
            respond(exchange, body.append("]").toString());
        });
        control.createContext("/scale/", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            payments[0] = Integer.parseInt(exchange.getRequestURI().getPath().split("/")[3]);
            respond(exchange, "{}");
        });
        control.start();
        start("http://127.0.0.1:" + control.getAddress().getPort());

        HttpResponse<String> response = post("/api/scale/payment/3");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(calls).containsExactly("POST /scale/payment/3");
        assertThat(JSON.readTree(response.body()).at("/instances/payment").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(get("/api/stack").body()).get("local").asBoolean()).isTrue();
        assertProblem(post("/api/scale/payment/99"), 400, "instances must be 0..32");
        assertProblem(post("/api/scale/gateway/1"), 400, "unknown service 'gateway'");
        assertThat(calls).hasSize(1);
    }

    @Test
    void shouldServeThePagesAndTheChartLibrary() throws Exception {
        start(null);

        assertThat(get("/flow.html").body()).contains("<nav id=\"nav\">");
        HttpResponse<String> uplot = get("/vendor/uPlot.iife.min.js");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertProblem(get("/vendor/evil.js"), 404, "no vendored file");
    }

    private void start(String controlUrl) {
        // Port 1 refuses at once: only checks that happen before any cluster call can pass.
        Cluster cluster = new Cluster("console-test", "127.0.0.1:1", "http://127.0.0.1:1", Map.of(),
                Duration.ofSeconds(2));
        server = ConsoleServer.start(new ConsoleSettings("127.0.0.1", 0, controlUrl, ""), cluster);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).contains(detail);
        assertThat(response.body()).doesNotContain("\tat ");
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
