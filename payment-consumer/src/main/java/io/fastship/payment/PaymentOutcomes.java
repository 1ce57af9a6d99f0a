package io.fastship.payment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fastship.events.PaymentEvent;

/**
 * What this instance has emitted per order, for the partitions it owns: the last committed {@link PaymentEvent}
 * per orderId, grouped by partition number (orders, order-status and the outcome changelog are co-partitioned).
 * Changes arrive only through {@link Stage#commit()}, after the Kafka transaction that wrote them committed.
 */
public final class PaymentOutcomes {

    private final Map<Integer, Map<String, PaymentEvent>> partitions = new ConcurrentHashMap<>();

    /** Installs the restored state of a partition. */
    public void restored(int partition, Map<String, PaymentEvent> outcomes) {
        partitions.put(partition, new ConcurrentHashMap<>(outcomes));
    }

    public void drop(int partition) {
        partitions.remove(partition);
    }

    public boolean owns(int partition) {
        return partitions.containsKey(partition);
    }

    public int size() {
        return partitions.values().stream().mapToInt(Map::size).sum();
    }

    /** A scratch view of one partition for one transaction: reads see committed state plus this stage's writes. */
    public Stage stage(int partition) {
        Map<String, PaymentEvent> committed = partitions.get(partition);
        if (committed == null) {
            throw new IllegalStateException("no state for partition " + partition + "; it is not assigned here");
        }
        return new Stage(partition, committed);
    }

    /** Staged changes of one partition; see {@link PaymentOutcomes#stage(int)}. */
    public final class Stage {

        private final int partition;
        private final Map<String, PaymentEvent> committed;
        private final Map<String, PaymentEvent> written = new HashMap<>();

        private Stage(int partition, Map<String, PaymentEvent> committed) {
            this.partition = partition;
            this.committed = committed;
        }

        public int partition() {
            return partition;
        }

        public Optional<PaymentEvent> get(String orderId) {
            PaymentEvent staged = written.get(orderId);
            return Optional.ofNullable(staged != null ? staged : committed.get(orderId));
        }

        public void put(PaymentEvent event) {
            written.put(event.getOrderId(), event);
        }

        /** Applies the writes, unless the partition was revoked meanwhile (its state was dropped). */
        public void commit() {
            Map<String, PaymentEvent> current = partitions.get(partition);
            if (current == committed) {
                current.putAll(written);
            }
        }
    }
}
