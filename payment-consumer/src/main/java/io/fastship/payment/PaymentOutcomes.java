package io.fastship.payment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.fastship.events.PaymentEvent;

/**
 * What this instance has emitted per order, for the partitions it owns: the last committed {@link PaymentEvent}
 * per orderId, one {@link OutcomeStore} (on disk, not in heap) per partition number (orders, order-status and the
 * outcome changelog are co-partitioned). Changes arrive only through {@link Stage#commit()}, after the Kafka
 * transaction that wrote them committed. Each outcome is kept for {@code STATE_RETENTION} after it was written,
 * then deleted locally ({@link #MAX_EXPIRIES_PER_COMMIT} per commit at most, so expiry never stalls the loop); the
 * changelog forgets it by itself ({@code cleanup.policy=compact,delete} with the same retention), so a restore reads
 * at most a retention's worth of outcomes.
 */
public final class PaymentOutcomes implements AutoCloseable {

    /** Expired outcomes deleted per committed stage at most. */
    static final int MAX_EXPIRIES_PER_COMMIT = 500;

    private final Path stateDir;
    private final Duration retention;
    private final Clock clock;
    private final Map<Integer, OutcomeStore> partitions = new ConcurrentHashMap<>();

    /** Outcomes in {@code stateDir}, kept {@code retention} after they were written. */
    public PaymentOutcomes(Path stateDir, Duration retention, Clock clock) {
        this.stateDir = stateDir;
        this.retention = retention;
        this.clock = clock;
    }

    /** Where a restore puts what it reads. */
    public interface Loader {
        /** An outcome written to the changelog at {@code writtenAtMs}. */
        void put(String orderId, PaymentEvent event, long writtenAtMs);

        /** A tombstone. */
        void remove(String orderId);
    }

    /** Rebuilds a partition's state: an empty store that {@code restore} fills, then installed. */
    public void restore(int partition, Consumer<Loader> restore) {
        OutcomeStore store = OutcomeStore.open(stateDir.resolve("outcomes-" + partition));
        long now = clock.millis();
        try {
            restore.accept(new Loader() {
                @Override
                public void put(String orderId, PaymentEvent event, long writtenAtMs) {
                    long expiresAt = writtenAtMs + retention.toMillis();
                    if (expiresAt > now) {
                        store.put(orderId, event, expiresAt);
                    } else {
                        store.remove(orderId); // Expired already; the broker deletes its segment in time.
                    }
                }

                @Override
                public void remove(String orderId) {
                    store.remove(orderId);
                }
            });
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        install(partition, store);
    }

    /** Installs {@code outcomes} as the state of a partition, as if written now. */
    public void restored(int partition, Map<String, PaymentEvent> outcomes) {
        long now = clock.millis();
        restore(partition, loader -> outcomes.forEach((orderId, event) -> loader.put(orderId, event, now)));
    }

    public void drop(int partition) {
        OutcomeStore store = partitions.remove(partition);
        if (store != null) {
            store.close();
        }
    }

    public boolean owns(int partition) {
        return partitions.containsKey(partition);
    }

    /** Outcomes held, over every owned partition. */
    public long size() {
        return partitions.values().stream().mapToLong(OutcomeStore::size).sum();
    }

    /** A scratch view of one partition for one transaction: reads see committed state plus this stage's writes. */
    public Stage stage(int partition) {
        OutcomeStore committed = partitions.get(partition);
        if (committed == null) {
            throw new IllegalStateException("no state for partition " + partition + "; it is not assigned here");
        }
        return new Stage(partition, committed);
    }

    @Override
    public void close() {
        partitions.keySet().forEach(this::drop);
    }

    private void install(int partition, OutcomeStore store) {
        OutcomeStore previous = partitions.put(partition, store);
        if (previous != null) {
            previous.close();
        }
    }

    /** Staged changes of one partition; see {@link PaymentOutcomes#stage(int)}. */
    public final class Stage {

        private final int partition;
        private final OutcomeStore committed;
        private final Map<String, PaymentEvent> written = new HashMap<>();

        private Stage(int partition, OutcomeStore committed) {
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

        /**
         * Applies the writes, unless the partition was revoked meanwhile (its state was dropped), and deletes some
         * expired outcomes of the partition.
         */
        public void commit() {
            if (partitions.get(partition) == committed) {
                long now = clock.millis();
                committed.putAll(written, now + retention.toMillis());
                committed.expire(now, MAX_EXPIRIES_PER_COMMIT);
            }
        }
    }
}
