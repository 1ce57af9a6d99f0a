package io.fastship.order.query;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import io.fastship.events.OrderStatus;
import io.fastship.order.view.OrderView;

/**
 * The order statuses a {@code read_committed} reader of {@code order-status} has seen, and the gate that makes
 * every answer to a client agree with them. Under exactly-once the saga's store is written before its transaction
 * commits, so a store read can show a status that is later rolled back (a fenced or aborted task); a client must
 * only ever be told what the committed topic says.
 *
 * <p>A view whose last change is older than {@code window} is shown as it is: any transaction that wrote it has
 * ended long ago, and after an abort Streams rebuilds an exactly-once store from its committed changelog. A recent
 * view is shown with the committed status (PENDING if none is committed yet); only the status is gated, the one
 * thing a client acts on.
 */
public final class CommittedStatuses {

    private final ConcurrentHashMap<String, Seen> latest = new ConcurrentHashMap<>();
    private final Duration window;

    private record Seen(OrderStatus status, long atMillis) {
    }

    public CommittedStatuses(Duration window) {
        this.window = window;
    }

    /** How far back the committed reader must start so that every recent view is covered. */
    public Duration window() {
        return window;
    }

    /** A status read, in offset order per order, from the committed topic. */
    public void committed(String orderId, OrderStatus status, long nowMillis) {
        latest.put(orderId, new Seen(status, nowMillis));
    }

    /** Forgets statuses older than twice the window (views that old are no longer gated). */
    public void evict(long nowMillis) {
        long horizon = nowMillis - 2 * window.toMillis();
        latest.values().removeIf(seen -> seen.atMillis() < horizon);
    }

    /** The view as a client may see it at {@code now}. */
    public OrderView visible(OrderView view, Instant now) {
        if (view.updatedAt() == null || view.updatedAt().isBefore(now.minus(window))) {
            return view;
        }
        Seen seen = latest.get(view.orderId());
        OrderStatus committed = seen == null ? OrderStatus.PENDING : seen.status();
        if (committed == view.status()) {
            return view;
        }
        return view.toBuilder().status(committed).cancellationReason(null).finalAt(null).build();
    }
}
