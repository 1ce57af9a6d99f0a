package io.fastship.schemas.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny local HTTP server answering canned registry responses and recording what it was asked. */
final class CannedRegistryServer implements AutoCloseable {

    /** One request as received. */
    record Received(String method, String rawPathAndQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Canned(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Canned> responses = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    CannedRegistryServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String raw = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), raw, Map.copyOf(exchange.getRequestHeaders()), body));
            Canned canned = responses.getOrDefault(exchange.getRequestMethod() + " " + raw,
                    new Canned(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
            byte[] bytes = canned.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(canned.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** Answers {@code method rawPathAndQuery} with this status and body. */
    CannedRegistryServer answer(String method, String rawPathAndQuery, int status, String body) {
        responses.put(method + " " + rawPathAndQuery, new Canned(status, body));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    Received last() {
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
