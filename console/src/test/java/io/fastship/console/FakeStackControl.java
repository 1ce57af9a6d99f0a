package io.fastship.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's control endpoint as the console sees it, where "payment" instances are real consumers in
 * the payment group: scaling starts or stops members, so partitions really move.
 */
final class FakeStackControl implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Object> clientConfig;
    private final String group;
    private final String[] topics;
    private final List<GroupMember> members = new ArrayList<>();
    private int started;

    FakeStackControl(Map<String, Object> clientConfig, String group, String... topics) throws IOException {
        this.clientConfig = clientConfig;
        this.group = group;
        this.topics = topics;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/status", this::status);
        server.createContext("/scale/", this::scale);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void scaleTo(int instances) throws InterruptedException {
        while (members.size() < instances) {
            started++;
            members.add(new GroupMember(clientConfig, group, "payment-" + started, topics));
        }
        while (members.size() > instances) {
            members.remove(members.size() - 1).close();
        }
    }

    private synchronized void status(HttpExchange exchange) throws IOException {
        StringBuilder body = new StringBuilder("[{\"name\":\"broker-1\",\"kind\":\"broker\",\"state\":\"running\"}");
        for (int i = 1; i <= members.size(); i++) {
            body.append(",{\"name\":\"payment-").append(i).append("\",\"kind\":\"service\",\"state\":\"running\"}");
        }
        respond(exchange, 200, body.append("]").toString());
    }

    private void scale(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (!"POST".equals(exchange.getRequestMethod()) || parts.length != 4 || !"payment".equals(parts[2])) {
            respond(exchange, 400, "{\"error\":\"only POST /scale/payment/N here\"}");
            return;
        }
        try {
            scaleTo(Integer.parseInt(parts[3]));
            respond(exchange, 200, "{}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 500, "{\"error\":\"interrupted\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        scaleTo(0);
    }
}
