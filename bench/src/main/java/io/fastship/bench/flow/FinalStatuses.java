package io.fastship.bench.flow;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;

/**
 * The first final status (CONFIRMED or CANCELLED) seen for each order on the order-status topic, and how many
 * orders got a second one (which read_committed readers must never see).
 */
public final class FinalStatuses implements TopicTail.Handler<OrderStatusChanged> {

    /** A final status and when the bench saw it. */
    public record Final(OrderStatus status, String reason, long seenNanos) {
    }

    private final ConcurrentMap<String, Final> finals = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    @Override
    public void seen(String orderId, OrderStatusChanged event, long seenNanos) {
        if (event.getStatus() == OrderStatus.PENDING) {
            return;
        }
        String reason = event.getReason();
        Final previous = finals.putIfAbsent(event.getOrderId(), new Final(event.getStatus(), reason, seenNanos));
        if (previous != null) {
            duplicates.incrementAndGet();
        }
    }

    public Optional<Final> of(String orderId) {
        return Optional.ofNullable(finals.get(orderId));
    }

    public long count() {
        return finals.size();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public Map<String, Final> snapshot() {
        return Map.copyOf(finals);
    }
}
