package io.fastship.order.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.fastship.order.query.OrderJson;
import io.fastship.order.query.OrderLocator;
import io.fastship.order.query.OrderWatchers;
import io.fastship.order.query.RemoteOrders;
import io.fastship.order.view.OrderView;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

/**
 * {@code GET /orders/{id}/events}: Server-Sent Events, one {@code status} event with the order's JSON now and on
 * every change, closed when the order is final or after the longest allowed wait. On an instance that does not
 * own the order the owner's stream is relayed. The stream holds no thread while idle.
 */
public final class OrderEventsHandler implements Handler {

    static final String EVENT = "status";
    /** How often an idle stream sends an SSE comment, to find clients that went away. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final OrderLocator locator;
    private final OrderWatchers watchers;
    private final RemoteOrders remote;
    private final ScheduledExecutorService timers;
    private final Duration maxStream;

    public OrderEventsHandler(OrderLocator locator, OrderWatchers watchers, RemoteOrders remote,
                              ScheduledExecutorService timers, Duration maxStream) {
        this.locator = locator;
        this.watchers = watchers;
        this.remote = remote;
        this.timers = timers;
        this.maxStream = maxStream;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        String orderId = OrderIdPath.orderId(ctx);
        boolean forwarded = ctx.header(RemoteOrders.FORWARDED_HEADER) != null;
        OrderLocator.Location location = locator.locate(orderId, true);
        if (location instanceof OrderLocator.Local local) {
            if (local.view().isEmpty()) {
                throw new ProblemException(OrderIdPath.notFound(orderId));
            }
            new SseHandler(client -> streamLocal(client, orderId)).handle(ctx);
        } else if (location instanceof OrderLocator.Remote owner && !forwarded) {
            new SseHandler(client -> relay(client, owner, orderId)).handle(ctx);
        } else {
            Responses.problem(ctx, Problem.of("order-state-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
                    "Order state moving", "the order's state is not queryable right now; retry shortly"),
                    Map.of("Retry-After", "1"));
        }
    }

    private void streamLocal(SseClient client, String orderId) {
        client.keepAlive();
        LatestSent latest = new LatestSent(client);
        OrderWatchers.Watch watch;
        try {
            watch = watchers.watch(orderId, latest::send);
        } catch (OrderWatchers.TooManyWatchersException e) {
            client.sendEvent("error", OrderJson.write(Map.of("detail", e.getMessage())));
            client.close();
            return;
        }
        ScheduledFuture<?> limit = timers.schedule(client::close, maxStream.toMillis(), TimeUnit.MILLISECONDS);
        // A client that went away is found by the next heartbeat failing, not after the whole maxStream.
        ScheduledFuture<?> heartbeat = timers.scheduleWithFixedDelay(() -> latest.heartbeat(),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        Runnable release = () -> {
            watch.close();
            limit.cancel(false);
            heartbeat.cancel(false);
        };
        client.onClose(release);
        if (client.terminated()) {
            // Closed before onClose was registered: the callback may never run, so release here (idempotent).
            release.run();
            return;
        }
        // Registered first, read second: a change in between is delivered by the watch.
        try {
            if (locator.locate(orderId, true) instanceof OrderLocator.Local local && local.view().isPresent()) {
                latest.send(local.view().get());
            }
        } catch (RuntimeException e) {
            release.run();
            client.close();
            throw e;
        }
    }

    private void relay(SseClient client, OrderLocator.Remote owner, String orderId) {
        client.keepAlive();
        SseRelay relay = new SseRelay(client);
        CompletableFuture<?> call = remote.events(owner.owner(), orderId, relay)
                .whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                        client.sendEvent("error", OrderJson.write(Map.of("detail", error != null
                                ? "the order's owner did not answer: " + error.getMessage()
                                : "the order's owner answered " + response.statusCode())));
                    }
                    client.close();
                });
        client.onClose(() -> {
            relay.cancel();
            call.cancel(true);
        });
    }

    /** Sends a view unless one of its version or newer was already sent, and closes the stream after a final one. */
    private static final class LatestSent {
        private final SseClient client;
        private OrderView last;

        LatestSent(SseClient client) {
            this.client = client;
        }

        synchronized void send(OrderView view) {
            // Same version, same change: the local store's read and the committed feed can each hand it over once.
            if (client.terminated() || (last != null && (view.version() <= last.version() || isOlder(view, last)))) {
                return;
            }
            last = view;
            try {
                client.sendEvent(EVENT, OrderJson.text(view), Long.toString(view.version()));
            } catch (RuntimeException e) {
                client.close();
                return;
            }
            if (view.isFinal()) {
                client.close();
            }
        }

        /** A comment line; a write to a client that is gone fails, and the stream is closed (freeing its watch). */
        synchronized void heartbeat() {
            if (client.terminated()) {
                client.close();
                return;
            }
            try {
                client.sendComment("heartbeat");
            } catch (RuntimeException e) {
                client.close();
            }
            if (client.terminated()) {
                client.close();
            }
        }

        private static boolean isOlder(OrderView view, OrderView than) {
            return view.version() < than.version() || (view.updatedAt() != null && than.updatedAt() != null
                    && view.updatedAt().isBefore(than.updatedAt()));
        }
    }
}
