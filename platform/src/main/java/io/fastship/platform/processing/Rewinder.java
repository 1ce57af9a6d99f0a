package io.fastship.platform.processing;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the consumer back to the offsets the broker confirms as committed, after a transaction that did not (or
 * may not have) committed. Never to the batch's first offset on trust: after an unknown commit that offset may
 * be behind what committed, and polling from it would write the batch twice.
 *
 * <p>Why {@code committed()} is the truth here: a {@code read_committed} consumer fetches offsets with
 * {@code require_stable} (KIP-447), so the group coordinator answers only once no transaction holding offsets of
 * these partitions is pending: the answer includes our last transaction if it committed, and not if it aborted.
 */
final class Rewinder {

    private static final Logger log = LoggerFactory.getLogger(Rewinder.class);
    private static final Duration ATTEMPT = Duration.ofSeconds(10);

    private final Consumer<String, byte[]> consumer;
    private final String loop;
    private final Duration budget;
    private final Backoff backoff;

    Rewinder(Consumer<String, byte[]> consumer, String loop, Duration budget, Backoff backoff) {
        this.consumer = consumer;
        this.loop = loop;
        this.budget = budget;
        this.backoff = backoff;
    }

    /**
     * Seeks every owned partition of {@code firstOffsets} to its committed offset, or, where the group has never
     * committed one, to the batch's first offset (nothing of it can have committed then).
     *
     * @param closed true once the loop is closing: positions no longer matter then
     */
    void toCommitted(Map<TopicPartition, Long> firstOffsets, BooleanSupplier closed, Pause pause) {
        Set<TopicPartition> owned = new HashSet<>(firstOffsets.keySet());
        owned.retainAll(consumer.assignment());
        if (owned.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(owned, ATTEMPT);
                for (TopicPartition partition : owned) {
                    OffsetAndMetadata offset = committed.get(partition);
                    consumer.seek(partition, offset != null ? offset.offset() : firstOffsets.get(partition));
                }
                return;
            } catch (RetriableException e) {
                if (closed.getAsBoolean()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new LoopFailedException("loop " + loop + " cannot learn its committed offsets within "
                            + budget, e);
                }
                log.warn("Loop {}: committed offsets not available yet ({}); retrying", loop, e.toString());
                pause.sleep(backoff.delay(attempt));
            }
        }
    }

    /** A wait that closing the loop cuts short. */
    interface Pause {
        void sleep(Duration delay);
    }
}
