package io.fastship.order.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks the instance that owns an order for it, over the same public HTTP API. A forwarded request carries
 * {@link #FORWARDED_HEADER}, so the receiver answers from its own store and never forwards again.
 */
public final class RemoteOrders {

    public static final String FORWARDED_HEADER = "X-FastShip-Forwarded-By";

    private final HttpClient client;
    private final String self;
    private final Map<String, String> credentials;

    public RemoteOrders(Executor executor, String self) {
        this(executor, self, Map.of());
    }

    /** {@code credentials}: headers that authenticate this instance to the others (see {@code ApiKeyAuth}). */
    public RemoteOrders(Executor executor, String self, Map<String, String> credentials) {
        this.credentials = Map.copyOf(credentials);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(executor)
                .build();
        this.self = self;
    }

    /** {@code GET /orders/{id}} on the owner; the reply completes the future without a thread waiting for it. */
    public CompletableFuture<HttpResponse<String>> get(HostInfo owner, String orderId, Duration waitForFinal,
                                                        Duration timeout) {
        String query = waitForFinal.isZero() ? "" : "?waitForFinal=" + waitForFinal.toMillis() + "ms";
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(owner, "/orders/" + orderId + query));
        credentials.forEach(builder::header);
        HttpRequest request = builder
                .header(FORWARDED_HEADER, self)
                .header("Accept", "application/json")
                .timeout(timeout)
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the owner's event stream for the order and hands each line to {@code lines}. */
    public CompletableFuture<HttpResponse<Void>> events(HostInfo owner, String orderId,
                                                        Flow.Subscriber<String> lines) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(owner, "/orders/" + orderId + "/events"));
        credentials.forEach(builder::header);
        HttpRequest request = builder
                .header(FORWARDED_HEADER, self)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(lines));
    }

    private static URI uri(HostInfo owner, String path) {
        return URI.create("http://" + owner.host() + ":" + owner.port() + path);
    }
}
