package io.fastship.payment;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.localstack.process.ChildJvm;
import io.fastship.localstack.process.ModuleClasspath;

import static org.awaitility.Awaitility.await;

/**
 * The simulated payment gateway ({@code payment-gateway} module, built by the reactor before this one) as its
 * own process, and its ledger read over HTTP the way an auditor reads it.
 */
final class GatewayProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private GatewayProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** @param settings GATEWAY_* variables on top of a free port and no persistence */
    static GatewayProcess start(Map<String, String> settings, Path logFile) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(settings);
        env.put("GATEWAY_HTTP_PORT", Integer.toString(port));
        env.put("GATEWAY_HTTP_HOST", "127.0.0.1");
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.javaExecutable(), "-Xmx128m", "-cp",
                ModuleClasspath.of(Path.of("..").toAbsolutePath().normalize(), "payment-gateway"),
                "io.fastship.gateway.GatewayMain");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
        GatewayProcess gateway = new GatewayProcess(builder.start(), "http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            if (!gateway.process.isAlive()) {
                throw new IllegalStateException("gateway exited; see " + logFile);
            }
            return gateway.get("/health").statusCode() == 200;
        });
        return gateway;
    }

    String url() {
        return url;
    }

    /** {@code GET /ledger/{orderId}}: chargedMinor, refundedMinor, netMinor. */
    JsonNode order(String orderId) throws Exception {
        return JSON.readTree(get("/ledger/" + orderId).body());
    }

    JsonNode totals() throws Exception {
        return JSON.readTree(get("/ledger").body());
    }

    /** What the gateway was asked and injected, e.g. {@code charge.timeout_after}. */
    JsonNode stats() throws Exception {
        return JSON.readTree(get("/stats").body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static File logFile(String name) {
        return Path.of("target", name).toFile();
    }
}
