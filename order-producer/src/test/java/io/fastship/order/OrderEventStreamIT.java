package io.fastship.order;

import static io.fastship.order.OrderServiceTestSupport.decide;
import static io.fastship.order.OrderServiceTestSupport.get;
import static io.fastship.order.OrderServiceTestSupport.json;
import static io.fastship.order.OrderServiceTestSupport.orderJson;
import static io.fastship.order.OrderServiceTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fastship.events.InventoryStatus;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Order event streams on the real broker: a vanished client is found by the heartbeat, a final status ends it. */
@WithKafkaStack
class OrderEventStreamIT {

    /** OrderEventsHandler.HEARTBEAT (package-private there): a gone client is found within a beat or two. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private static String namespace;
    private static OrderService service;
    private static String base;

    @BeforeAll
    static void startService(KafkaStack stack) throws Exception {
        namespace = stack.uniqueName("order-sse");
        // One watch at a time, so the limit is reachable with two streams. The deadline and the longest stream are
        // far beyond the test: nothing but a failed heartbeat (or a final status) may end a stream here.
        service = OrderServiceTestSupport.startAndAwaitReady(OrderServiceTestSupport.config(stack.bootstrapServers(),
                stack.schemaRegistryUrl(), namespace, Files.createTempDirectory("order-sse-state"),
                Map.of("ORDER_MAX_WAITERS", "1", "ORDER_DEADLINE", "5m", "ORDER_MAX_WAIT", "5m")));
        base = service.baseUrl();
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @AfterEach
    void noWatchLeftBehind() {
        // With a limit of one, a watch left by one test would turn the next one's stream into an error.
        await().atMost(HEARTBEAT.multipliedBy(3)).until(() -> service.activeWatchers() == 0);
    }

    @Test
    void shouldReleaseTheWatchOfAClientThatVanishedWhileTheOrderIsStillPending() throws IOException {
        String orderId = pendingOrder("c-sse-vanish");
        SseSocket client = SseSocket.open(base, orderId);

        Event first = client.next();
        assertThat(first.name()).isEqualTo("status");
        assertThat(status(first)).isEqualTo("PENDING");
        assertThat(service.activeWatchers()).isEqualTo(1);
        assertThat(service.scrapeMetrics()).containsPattern("fastship_order_waiters\\{[^}]*\\} 1\\.0");

        client.vanish();

        // Only a write can tell the server: the order stays PENDING and the stream's limit is minutes away.
        await().atMost(HEARTBEAT.multipliedBy(3)).until(() -> service.activeWatchers() == 0);
        assertThat(json(get(base + "/orders/" + orderId)).get("status").asText()).isEqualTo("PENDING");
        assertThat(service.scrapeMetrics()).containsPattern("fastship_order_waiters\\{[^}]*\\} 0\\.0");
    }

    @Test
    void shouldCloseTheStreamAndReleaseTheWatchAfterTheFinalStatus(KafkaStack stack) throws IOException {
        String orderId = pendingOrder("c-sse-final");
        try (SseSocket client = SseSocket.open(base, orderId)) {
            Event first = client.next();
            assertThat(service.activeWatchers()).isEqualTo(1);

            decide(stack, namespace, orderId, PaymentStatus.AUTHORIZED, InventoryStatus.RESERVED);

            // Read to the end of the response: returning at all means the server ended the stream.
            List<Event> events = new ArrayList<>(List.of(first));
            events.addAll(client.rest());
            assertPendingThenFinal(events, "CONFIRMED");
            await().atMost(Duration.ofSeconds(5)).until(() -> service.activeWatchers() == 0);
        }
    }

    @Test
    void shouldRefuseAStreamBeyondTheWatchLimitAndAcceptOneOnceAVanishedClientsWatchIsFreed(KafkaStack stack)
            throws IOException {
        String holding = pendingOrder("c-sse-limit-1");
        String other = pendingOrder("c-sse-limit-2");
        SseSocket first = SseSocket.open(base, holding);
        assertThat(first.next().name()).isEqualTo("status");
        assertThat(service.activeWatchers()).isEqualTo(1);

        try (SseSocket refused = SseSocket.open(base, other)) {
            List<Event> events = refused.rest();

            assertThat(events).extracting(Event::name).containsExactly("error");
            assertThat(events.get(0).data()).contains("more than 1 requests are waiting");
        }
        assertThat(service.activeWatchers()).isEqualTo(1);

        first.vanish();
        await().atMost(HEARTBEAT.multipliedBy(3)).until(() -> service.activeWatchers() == 0);

        try (SseSocket accepted = SseSocket.open(base, other)) {
            Event pending = accepted.next();
            assertThat(pending.name()).isEqualTo("status");
            assertThat(status(pending)).isEqualTo("PENDING");
            // Finishing the order ends this stream too, so no watch outlives the test.
            decide(stack, namespace, other, PaymentStatus.DECLINED, null);
            List<Event> events = new ArrayList<>(List.of(pending));
            events.addAll(accepted.rest());
            assertPendingThenFinal(events, "CANCELLED");
        }
    }

    /** A new order, once its view can be read (a stream for an order not in the view yet is 404). */
    private static String pendingOrder(String customer) {
        String orderId = json(post(base + "/orders", orderJson(customer, "SKU-1", 1, 100))).get("orderId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> get(base + "/orders/" + orderId).statusCode() == 200);
        return orderId;
    }

    /**
     * PENDING first, the final status last and nothing after it, versions rising. Between them there may be more
     * PENDING views: the payment outcome alone changes the view (an event) but not the status.
     */
    private static void assertPendingThenFinal(List<Event> events, String finalStatus) {
        assertThat(events).extracting(Event::name).containsOnly("status");
        List<String> statuses = events.stream().map(OrderEventStreamIT::status).toList();
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(2).startsWith("PENDING").endsWith(finalStatus);
        assertThat(statuses.subList(0, statuses.size() - 1)).containsOnly("PENDING");
        assertThat(events).extracting(event -> Long.parseLong(event.id())).isSorted().doesNotHaveDuplicates();
    }

    /** The order status in a {@code status} event's JSON. */
    private static String status(Event event) {
        try {
            return OrderServiceTestSupport.JSON.readTree(event.data()).get("status").asText();
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + event.data(), e);
        }
    }

    record Event(String id, String name, String data) {
    }

    /**
     * An event stream over a plain socket, so the test decides how the connection ends: the JDK client would close
     * it cleanly. {@code Connection: close} makes the end of the response the end of the socket.
     */
    private static final class SseSocket implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        /** Heartbeats keep every read short, so a stream the server never ends is caught by this instead. */
        private final long deadline = System.nanoTime() + HEARTBEAT.multipliedBy(6).toNanos();

        private SseSocket(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        static SseSocket open(String base, String orderId) throws IOException {
            URI uri = URI.create(base);
            Socket socket = new Socket(uri.getHost(), uri.getPort());
            // A read that never ends fails the test instead of hanging it (heartbeats arrive every 10 s).
            socket.setSoTimeout((int) HEARTBEAT.multipliedBy(3).toMillis());
            SseSocket client = new SseSocket(socket);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /orders/" + orderId + "/events HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = client.in.readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 200");
            List<String> headers = new ArrayList<>();
            for (String line = client.in.readLine(); line != null && !line.isEmpty(); line = client.in.readLine()) {
                headers.add(line.toLowerCase());
            }
            assertThat(headers).anyMatch(h -> h.startsWith("content-type: text/event-stream"));
            return client;
        }

        /** The next event, skipping comments (heartbeats) and the chunked framing; null at the end of the response. */
        Event next() throws IOException {
            String id = null;
            String name = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                assertThat(System.nanoTime()).as("stream still open after a minute").isLessThan(deadline);
                if (line.startsWith("id:")) {
                    id = line.substring("id:".length()).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && name != null) {
                    return new Event(id, name, line.substring("data:".length()).trim());
                }
            }
            return null;
        }

        /** Every event until the server ends the response. */
        List<Event> rest() throws IOException {
            List<Event> events = new ArrayList<>();
            for (Event event = next(); event != null; event = next()) {
                events.add(event);
            }
            return events;
        }

        /**
         * Goes away without ending the request: an abortive close (RST), as a crashed peer or a reset connection.
         * The server reads nothing from a stream it is answering, so it learns of this only when a write fails; a
         * plain close (FIN) would be found too, but a beat later, as the first write after a FIN still succeeds.
         */
        void vanish() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
