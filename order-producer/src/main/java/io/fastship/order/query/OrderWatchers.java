package io.fastship.order.query;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.fastship.order.view.OrderView;
import io.fastship.order.view.OrderViewListener;
import io.fastship.order.view.StatusEmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests waiting for an order to change, woken by the Streams thread instead of each holding a thread: a
 * {@code ?waitForFinal=} GET is a future completed when the view turns final or by a timer on one shared
 * scheduler; an event stream is a callback. Every watch is removed when it ends, whichever way it ends, and
 * {@link #active()} counts them (the {@code fastship_order_waiters} gauge).
 */
public final class OrderWatchers implements OrderViewListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderWatchers.class);

    private final ConcurrentHashMap<String, Set<Watch>> byOrder = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final ScheduledExecutorService timers;
    private final Executor notifier;
    private final int max;
    private volatile boolean closed;

    /**
     * @param timers   fires the timeouts (use one with remove-on-cancel, so finished waits leave no timer behind)
     * @param notifier runs the callbacks, off the Streams thread
     * @param max      watches allowed at once; beyond it {@link TooManyWatchersException}
     */
    public OrderWatchers(ScheduledExecutorService timers, Executor notifier, int max) {
        this.timers = timers;
        this.notifier = notifier;
        this.max = max;
    }

    /** Thrown when {@code max} watches are active; the client should retry later (503). */
    public static final class TooManyWatchersException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyWatchersException(int max) {
            super("more than " + max + " requests are waiting for orders");
        }
    }

    /** One registered interest in an order; closing it is idempotent. */
    public final class Watch implements AutoCloseable {
        private final String orderId;
        private final Consumer<OrderView> onChange;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Watch(String orderId, Consumer<OrderView> onChange) {
            this.orderId = orderId;
            this.onChange = onChange;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                byOrder.computeIfPresent(orderId, (id, watches) -> {
                    watches.remove(this);
                    return watches.isEmpty() ? null : watches;
                });
                active.decrementAndGet();
            }
        }
    }

    /** Calls {@code onChange} with every new view of the order until the watch is closed. */
    public Watch watch(String orderId, Consumer<OrderView> onChange) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (active.incrementAndGet() > max) {
            active.decrementAndGet();
            throw new TooManyWatchersException(max);
        }
        Watch watch = new Watch(orderId, onChange);
        // Added inside compute: a close that empties and removes the set runs under the same key lock, so a watch
        // can never land in a set that was just dropped from the map (and so never be notified).
        byOrder.compute(orderId, (id, watches) -> {
            Set<Watch> set = watches == null ? ConcurrentHashMap.newKeySet() : watches;
            set.add(watch);
            return set;
        });
        return watch;
    }

    /**
     * A future that completes with the order's final view when the Streams side reports it, or with empty when
     * {@code timeout} passes. The caller completes it itself if the view it reads after this call is already
     * final: registering first and reading second means no change can slip between the two.
     */
    public CompletableFuture<Optional<OrderView>> untilFinal(String orderId, Duration timeout) {
        CompletableFuture<Optional<OrderView>> result = new CompletableFuture<>();
        Watch watch = watch(orderId, view -> {
            if (view.isFinal()) {
                result.complete(Optional.of(view));
            }
        });
        ScheduledFuture<?> timer = timers.schedule(() -> result.complete(Optional.empty()), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        result.whenComplete((view, error) -> {
            watch.close();
            timer.cancel(false);
        });
        return result;
    }

    /** True while someone waits for the order (so the committed reader looks it up only then). */
    public boolean watching(String orderId) {
        return byOrder.containsKey(orderId);
    }

    /** Watches in progress (waiting GETs and open event streams). */
    public int active() {
        return active.get();
    }

    @Override
    public void changed(OrderView view, List<StatusEmission> emitted) {
        Set<Watch> watches = byOrder.get(view.orderId());
        if (watches == null) {
            return;
        }
        for (Watch watch : watches) {
            try {
                // Callbacks write HTTP responses; the Streams thread must not wait for a slow client.
                notifier.execute(() -> watch.onChange.accept(view));
            } catch (RuntimeException e) {
                log.warn("Cannot notify a watcher of order {}: {}", view.orderId(), e.toString());
            }
        }
    }

    /** Ends every watch; waiting requests answer with what they have. */
    @Override
    public void close() {
        closed = true;
        byOrder.values().forEach(watches -> watches.forEach(Watch::close));
    }
}
