package io.fastship.bench.flow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;

/**
 * The first final status (CONFIRMED or CANCELLED) seen for each order on the order-status topic, and how many
 * events broke "one decision per order" (which read_committed readers must never see): the same event twice, or a
 * second final status that differs from the first. A cancelled order whose late outcome needs undoing is announced
 * CANCELLED once more, carrying that outcome for compensation, under its own event id: a follow-up, not a duplicate.
 */
public final class FinalStatuses implements TopicTail.Handler<OrderStatusChanged> {

    /** A final status, when the bench saw it, and the id of the event that carried it. */
    public record Final(OrderStatus status, String reason, long seenNanos, String eventId) {

        public Final(OrderStatus status, String reason, long seenNanos) {
            this(status, reason, seenNanos, null);
        }
    }

    private final ConcurrentMap<String, Final> finals = new ConcurrentHashMap<>();
    /** Event ids of the later final events, only for the orders that had any. */
    private final ConcurrentMap<String, Set<String>> laterEventIds = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong followUps = new AtomicLong();

    @Override
    public void seen(String orderId, OrderStatusChanged event, long seenNanos) {
        if (event.getStatus() == OrderStatus.PENDING) {
            return;
        }
        String eventId = event.getEventId();
        Final previous = finals.putIfAbsent(event.getOrderId(),
                new Final(event.getStatus(), event.getReason(), seenNanos, eventId));
        if (previous == null) {
            return;
        }
        boolean repeated = eventId.equals(previous.eventId()) || !laterEventIds
                .computeIfAbsent(event.getOrderId(), id -> ConcurrentHashMap.newKeySet()).add(eventId);
        if (repeated || previous.status() != event.getStatus()) {
            duplicates.incrementAndGet();
        } else {
            followUps.incrementAndGet();
        }
    }

    public Optional<Final> of(String orderId) {
        return Optional.ofNullable(finals.get(orderId));
    }

    public long count() {
        return finals.size();
    }

    /** Final events seen twice, or final statuses that changed: must be 0. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Further CANCELLED events of a cancelled order, each carrying a late outcome to compensate. */
    public long followUps() {
        return followUps.get();
    }

    public Map<String, Final> snapshot() {
        return Map.copyOf(finals);
    }
}
