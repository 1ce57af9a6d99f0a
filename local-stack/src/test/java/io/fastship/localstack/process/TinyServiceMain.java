package io.fastship.localstack.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service for launcher tests, run as a child JVM: {@code GET /health} answers 200, {@code GET /exit}
 * makes it exit with code 3 on its own, as a service whose failure policy gave up. Port from {@code HTTP_PORT}.
 */
public final class TinyServiceMain {

    private TinyServiceMain() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/health", exchange -> {
            byte[] body = ("ok " + ProcessHandle.current().pid()).getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/exit", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            System.out.println("giving up");
            Runtime.getRuntime().halt(3);
        });
        server.start();
        System.out.println("tiny service up on " + port);
    }
}
