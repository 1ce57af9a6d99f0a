package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;

/** Each order's status events in log order, and the first final one: what the customer was told for good. */
public final class Finals {

    private static final Comparator<Seen<?>> LOG_ORDER = Comparator.<Seen<?>, Long>comparing(s -> s.at().toEpochMilli())
            .thenComparingInt(Seen::partition).thenComparingLong(Seen::offset);

    private final Map<String, List<Seen<OrderStatusChanged>>> byOrder = new HashMap<>();

    public Finals(List<Seen<OrderStatusChanged>> statuses) {
        for (Seen<OrderStatusChanged> status : statuses) {
            byOrder.computeIfAbsent(status.value().getOrderId(), id -> new ArrayList<>()).add(status);
        }
        // One key is one partition, so its offsets are its order; the time only breaks ties across partitions.
        byOrder.values().forEach(list -> list.sort(Comparator.<Seen<OrderStatusChanged>>comparingInt(Seen::partition)
                .thenComparingLong(Seen::offset)));
    }

    /** Every status event of the order, oldest first; empty when none was published. */
    public List<Seen<OrderStatusChanged>> statuses(String orderId) {
        return byOrder.getOrDefault(orderId, List.of());
    }

    /** The order's first CONFIRMED or CANCELLED event. */
    public Optional<Seen<OrderStatusChanged>> first(String orderId) {
        return statuses(orderId).stream().filter(s -> isFinal(s.value().getStatus())).findFirst();
    }

    public Optional<OrderStatus> status(String orderId) {
        return first(orderId).map(s -> s.value().getStatus());
    }

    static boolean isFinal(OrderStatus status) {
        return status == OrderStatus.CONFIRMED || status == OrderStatus.CANCELLED;
    }

    /** Sorts records of several topics by time, then log position: the best cross-topic order there is. */
    static <T extends Seen<?>> List<T> inTimeOrder(List<T> records) {
        List<T> sorted = new ArrayList<>(records);
        sorted.sort(LOG_ORDER);
        return sorted;
    }
}
