package io.fastship.payment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastship.events.PaymentEvent;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds one partition of {@link PaymentOutcomes} from the outcome changelog, reading committed records only,
 * and only once the partition is stable: no transaction open on it at all.
 *
 * <p>Why not simply read to the {@code read_committed} end offset: that offset is the last stable offset, which
 * stops before a transaction whose markers are not written yet — also one the previous owner has already
 * committed (the coordinator writes the markers to each partition after the commit returns, the offsets
 * partition possibly first). Reading to it could miss the previous owner's last outcomes while the committed
 * input offsets already include the records that made them: those orders would then look unpaid. Only this
 * instance writes changelog partition {@code n} once it owns input partition {@code n}, and it has not begun a
 * transaction yet (restores run in the rebalance callback), so any transaction open on the partition is a
 * previous owner's, and it ends soon: committed (markers follow), aborted, or aborted by the coordinator after
 * the transaction timeout (a crashed owner) or at once when that owner restarts with the same transactional id.
 * So: wait until the last stable offset reaches the high watermark, then read to it. The timeout must exceed the
 * transaction timeout.
 */
public final class OutcomeRestorer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRestorer.class);
    private static final Duration STABLE_POLL = Duration.ofMillis(100);

    private final Consumer<String, byte[]> consumer;
    private final ChangelogOffsets offsets;
    private final String topic;
    private final Deserializer<PaymentEvent> deserializer;
    private final Duration timeout;

    /** @param consumer a {@code read_committed} consumer without a group, used with {@code assign} only */
    public OutcomeRestorer(Consumer<String, byte[]> consumer, ChangelogOffsets offsets, String topic,
                           Deserializer<PaymentEvent> deserializer, Duration timeout) {
        this.consumer = consumer;
        this.offsets = offsets;
        this.topic = topic;
        this.deserializer = deserializer;
        this.timeout = timeout;
    }

    /** {@link #restore(int, PaymentOutcomes.Loader)} into a map (record times dropped). */
    public Map<String, PaymentEvent> restore(int partition) {
        Map<String, PaymentEvent> outcomes = new HashMap<>();
        restore(partition, new PaymentOutcomes.Loader() {
            @Override
            public void put(String orderId, PaymentEvent event, long writtenAtMs) {
                outcomes.put(orderId, event);
            }

            @Override
            public void remove(String orderId) {
                outcomes.remove(orderId);
            }
        });
        return outcomes;
    }

    /**
     * Waits for the partition to be stable, then reads it from the start to its end into {@code outcomes}; bounded
     * by the timeout. Returns how many records were read.
     */
    public long restore(int partition, PaymentOutcomes.Loader outcomes) {
        TopicPartition changelog = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        long end = stableEnd(changelog, deadline);
        long started = System.nanoTime();
        long read = 0;
        consumer.assign(List.of(changelog));
        try {
            consumer.seekToBeginning(List.of(changelog));
            while (consumer.position(changelog, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("restoring " + changelog + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    if (record.value() == null) {
                        outcomes.remove(record.key());
                    } else {
                        outcomes.put(record.key(), deserializer.deserialize(record.topic(), record.value()),
                                record.timestamp());
                    }
                }
            }
        } finally {
            consumer.assign(List.of());
        }
        log.info("Restored {} of {} from {} record(s) in {} ms (to offset {})", changelog.topic(), changelog.partition(),
                read, (System.nanoTime() - started) / 1_000_000, end);
        return read;
    }

    private long stableEnd(TopicPartition changelog, long deadline) {
        while (true) {
            long stable = offsets.lastStable(changelog);
            long high = offsets.highWatermark(changelog);
            if (stable >= high) {
                return high;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(changelog + " still has an open transaction (stable offset "
                        + stable + ", high watermark " + high + ") after " + timeout);
            }
            log.info("Waiting for the open transaction on {} to end (stable offset {}, high watermark {})", changelog,
                    stable, high);
            try {
                Thread.sleep(STABLE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted restoring " + changelog, e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(timeout));
    }
}
