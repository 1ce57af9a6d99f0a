package io.fastship.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fastship.localstack.process.ServiceKind;

/**
 * A loopback-only control endpoint of a running {@code fastship up}, so a second terminal can ask for the
 * status or scale a service: {@code GET /status}, {@code POST /scale/{service}/{instances}}.
 */
final class ControlServer implements AutoCloseable {

    private final HttpServer server;
    private final LocalStack stack;

    private ControlServer(HttpServer server, LocalStack stack) {
        this.server = server;
        this.stack = stack;
    }

    static ControlServer start(LocalStack stack) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ControlServer control = new ControlServer(server, stack);
            server.createContext("/status", control::status);
            server.createContext("/scale/", control::scale);
            // One request at a time: scaling is serialised anyway and must not race a status write.
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "fastship-control");
                thread.setDaemon(true);
                return thread;
            }));
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

    private void status(HttpExchange exchange) throws IOException {
        respond(exchange, 200, StackStatus.of(stack, url()).toJson());
    }

    private void scale(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"error\":\"use POST\"}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().split("/");
        try {
            if (parts.length != 4) {
                throw new IllegalArgumentException("expected /scale/{service}/{instances}");
            }
            ServiceKind kind = ServiceKind.parse(parts[2]);
            int count = Integer.parseInt(parts[3]);
            if (count < 0 || count > 32) {
                throw new IllegalArgumentException("instances must be 0..32, was " + count);
            }
            stack.scale(kind, count);
            publishStatus();
            respond(exchange, 200, StackStatus.of(stack, url()).toJson());
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "{\"error\":\"" + e.getMessage().replace("\"", "'") + "\"}");
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"error\":\"" + String.valueOf(e.getMessage()).replace("\"", "'").lines()
                    .findFirst().orElse("") + "\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
