package io.fastship.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fastship.localstack.fault.Fault;
import io.fastship.localstack.fault.UnknownTargetException;
import io.fastship.localstack.process.ServiceKind;

/**
 * A loopback-only control endpoint of a running {@code fastship up}, so a second terminal (or a chaos run) can
 * see and change the stack: {@code GET /status} (the processes), {@code GET /stack} (everything
 * {@code ./fastship status} shows), {@code POST /scale/{service}/{instances}} and {@code POST /fault}.
 */
final class ControlServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final LocalStack stack;
    private final ExecutorService executor;

    private ControlServer(HttpServer server, LocalStack stack, ExecutorService executor) {
        this.server = server;
        this.stack = stack;
        this.executor = executor;
    }

    static ControlServer start(LocalStack stack) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // A restart fault or a scale-up waits for readiness; status must still answer meanwhile.
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "fastship-control");
                thread.setDaemon(true);
                return thread;
            });
            ControlServer control = new ControlServer(server, stack, executor);
            server.createContext("/status", exchange -> control.handle(exchange, "GET", control::status));
            server.createContext("/stack", exchange -> control.handle(exchange, "GET", control::stackStatus));
            server.createContext("/scale/", exchange -> control.handle(exchange, "POST", control::scale));
            server.createContext("/fault", exchange -> control.handle(exchange, "POST", control::fault));
            server.setExecutor(executor);
            server.start();
            control.publishStatus();
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the control endpoint", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void publishStatus() {
        StackStatus.of(stack, url()).writeTo(stack.options().dataDir());
    }

    private interface Handler {
        String handle(HttpExchange exchange) throws IOException;
    }

    private void handle(HttpExchange exchange, String method, Handler handler) throws IOException {
        try {
            if (!method.equals(exchange.getRequestMethod())) {
                problem(exchange, 405, "Method not allowed", "use " + method);
                return;
            }
            respond(exchange, 200, "application/json", handler.handle(exchange));
        } catch (UnknownTargetException e) {
            problem(exchange, 404, "Unknown fault target", e.getMessage());
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "Bad request", e.getMessage());
        } catch (RuntimeException e) {
            problem(exchange, 500, "Failed", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private String status(HttpExchange exchange) {
        return StackStatus.of(stack, url()).processesJson();
    }

    private String stackStatus(HttpExchange exchange) {
        return StackStatus.of(stack, url()).toJson();
    }

    private String scale(HttpExchange exchange) {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected /scale/{service}/{instances}");
        }
        ServiceKind kind = ServiceKind.parse(parts[2]);
        int count;
        try {
            count = Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("instances must be a number, was '" + parts[3] + "'");
        }
        if (count < 0 || count > 32) {
            throw new IllegalArgumentException("instances must be 0..32, was " + count);
        }
        stack.scale(kind, count);
        publishStatus();
        return StackStatus.of(stack, url()).toJson();
    }

    /** Body {@code {"target":"broker-2","action":"pause","durationMs":20000}}. */
    private String fault(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody());
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.path("target").isTextual() || !body.path("action").isTextual()) {
            throw new IllegalArgumentException("expected {\"target\":...,\"action\":...,\"durationMs\":...}");
        }
        Optional<Duration> duration = body.hasNonNull("durationMs")
                ? Optional.of(Duration.ofMillis(body.get("durationMs").asLong())) : Optional.empty();
        Fault fault = new Fault(body.get("target").asText(), Fault.Action.parse(body.get("action").asText()), duration);
        stack.inject(fault);
        publishStatus();
        ObjectNode answer = JSON.createObjectNode().put("target", fault.target()).put("action", fault.action().wire())
                .put("state", stack.process(fault.target()).state().wire());
        duration.ifPresent(d -> answer.put("durationMs", d.toMillis()));
        return answer.toString();
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("type", "about:blank").put("title", title)
                .put("status", status).put("detail", detail);
        respond(exchange, status, "application/problem+json", body.toString());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
