package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The records of one outcome topic by order and status, e.g. every REFUNDED PaymentEvent of an order. */
final class OutcomeIndex<S extends Enum<S>, V> {

    private final Class<S> statusType;
    private final Map<String, Map<S, List<Seen<V>>>> byOrder = new HashMap<>();

    OutcomeIndex(Class<S> statusType, List<Seen<V>> records, Function<V, String> orderId, Function<V, S> status) {
        this.statusType = statusType;
        for (Seen<V> record : records) {
            byOrder.computeIfAbsent(orderId.apply(record.value()), id -> new EnumMap<>(statusType))
                    .computeIfAbsent(status.apply(record.value()), s -> new ArrayList<>()).add(record);
        }
    }

    List<Seen<V>> of(String orderId, S status) {
        return byOrder.getOrDefault(orderId, new EnumMap<>(statusType)).getOrDefault(status, List.of());
    }

    boolean has(String orderId, S status) {
        return !of(orderId, status).isEmpty();
    }

    Map<S, List<Seen<V>>> all(String orderId) {
        return byOrder.getOrDefault(orderId, new EnumMap<>(statusType));
    }
}
