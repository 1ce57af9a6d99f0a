package io.fastship.order.query;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.order.view.OrderView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "what is order X now, or once it is final" on any instance: from the local store, or from the owner
 * found in Streams' metadata; while a rebalance moves the store it retries for a bounded time instead of failing.
 */
public final class OrderQueries {

    private static final Logger log = LoggerFactory.getLogger(OrderQueries.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 500;

    private final OrderLocator locator;
    private final OrderWatchers watchers;
    private final RemoteOrders remote;
    private final ScheduledExecutorService scheduler;
    private final Duration retryFor;

    public OrderQueries(OrderLocator locator, OrderWatchers watchers, RemoteOrders remote,
                        ScheduledExecutorService scheduler, Duration retryFor) {
        this.locator = locator;
        this.watchers = watchers;
        this.remote = remote;
        this.scheduler = scheduler;
        this.retryFor = retryFor;
    }

    /** The answer to a query. */
    public sealed interface Result {
    }

    /** The order as JSON, and which instance's store it came from. */
    public record Found(Map<String, Object> order, String servedBy) implements Result {
        public String status() {
            return String.valueOf(order.get("status"));
        }
    }

    public record NotFound() implements Result {
    }

    /** Nobody could answer within the retry window. */
    public record Unavailable(String reason) implements Result {
    }

    /**
     * The order now ({@code waitForFinal} zero), or once final, or as it is when {@code waitForFinal} has passed.
     * {@code forwarded} requests come from another instance and are answered from this one's store only.
     */
    public CompletableFuture<Result> find(String orderId, Duration waitForFinal, boolean forwarded) {
        return find(orderId, waitForFinal, forwarded, retryFor);
    }

    /** As {@link #find(String, Duration, boolean)}, retrying for at most {@code retryWindow}. */
    public CompletableFuture<Result> find(String orderId, Duration waitForFinal, boolean forwarded,
                                          Duration retryWindow) {
        try {
            return attempt(orderId, waitForFinal, forwarded, System.nanoTime() + retryWindow.toNanos(),
                    FIRST_BACKOFF_MS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Result> attempt(String orderId, Duration wait, boolean forwarded, long deadline,
                                              long backoff) {
        boolean lastChance = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) >= deadline;
        OrderLocator.Location location = locator.locate(orderId, lastChance);
        if (location instanceof OrderLocator.Local local) {
            return local(orderId, local.view(), wait);
        }
        if (location instanceof OrderLocator.Remote owner && !forwarded) {
            Duration timeout = wait.plus(retryFor).plusSeconds(5);
            return remote.get(owner.owner(), orderId, wait, timeout)
                    .handle((response, error) -> fromRemote(owner, response, error))
                    .thenCompose(result -> result instanceof Unavailable unavailable
                            ? retry(orderId, wait, forwarded, deadline, backoff, unavailable.reason())
                            : CompletableFuture.completedFuture(result));
        }
        String reason = location instanceof OrderLocator.Unavailable unavailable ? unavailable.reason()
                : "this instance no longer owns the order";
        return retry(orderId, wait, forwarded, deadline, backoff, reason);
    }

    private CompletableFuture<Result> retry(String orderId, Duration wait, boolean forwarded, long deadline,
                                            long backoff, String reason) {
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) >= deadline) {
            log.warn("Order {} not queryable within {}: {}", orderId, retryFor, reason);
            return CompletableFuture.completedFuture(new Unavailable(reason));
        }
        CompletableFuture<Void> pause = new CompletableFuture<>();
        scheduler.schedule(() -> pause.complete(null), backoff, TimeUnit.MILLISECONDS);
        return pause.thenCompose(ignored ->
                attempt(orderId, wait, forwarded, deadline, Math.min(MAX_BACKOFF_MS, backoff * 2)));
    }

    private CompletableFuture<Result> local(String orderId, Optional<OrderView> view, Duration wait) {
        String self = locator.self().host() + ":" + locator.self().port();
        if (wait.isZero() || view.map(OrderView::isFinal).orElse(false)) {
            return CompletableFuture.completedFuture(found(view, self));
        }
        CompletableFuture<Optional<OrderView>> finalView = watchers.untilFinal(orderId, wait);
        // Read again now that the watch is registered: a change between the first read and now is not lost.
        OrderLocator.Location again = locator.locate(orderId, true);
        Optional<OrderView> latest = again instanceof OrderLocator.Local local ? local.view() : view;
        if (latest.map(OrderView::isFinal).orElse(false)) {
            finalView.complete(latest);
        }
        return finalView.thenApply(done -> {
            if (done.isPresent()) {
                return found(done, self);
            }
            OrderLocator.Location now = locator.locate(orderId, true);
            return found(now instanceof OrderLocator.Local local ? local.view() : latest, self);
        });
    }

    private static Result found(Optional<OrderView> view, String servedBy) {
        return view.<Result>map(v -> new Found(OrderJson.of(v), servedBy)).orElseGet(NotFound::new);
    }

    private static Result fromRemote(OrderLocator.Remote owner, HttpResponse<String> response, Throwable error) {
        String host = owner.owner().host() + ":" + owner.owner().port();
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            return new Unavailable("owner " + host + " did not answer: " + cause);
        }
        if (response.statusCode() == 404) {
            return new NotFound();
        }
        if (response.statusCode() != 200) {
            return new Unavailable("owner " + host + " answered " + response.statusCode());
        }
        try {
            Map<String, Object> order = MAPPER.readValue(response.body(), new TypeReference<Map<String, Object>>() {
            });
            return new Found(order, response.headers().firstValue("X-Served-By").orElse(host));
        } catch (IOException e) {
            return new Unavailable("owner " + host + " sent unreadable JSON: " + e.getMessage());
        }
    }
}
