package io.fastship.payment;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastship.events.PaymentEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds one partition of {@link PaymentOutcomes} from the outcome changelog, reading committed records only,
 * up to the last stable offset: everything a previous owner committed, nothing of an aborted transaction.
 */
public final class OutcomeRestorer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRestorer.class);

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final Deserializer<PaymentEvent> deserializer;
    private final Duration timeout;

    /** @param consumer a {@code read_committed} consumer without a group, used with {@code assign} only */
    public OutcomeRestorer(Consumer<String, byte[]> consumer, String topic, Deserializer<PaymentEvent> deserializer,
                           Duration timeout) {
        this.consumer = consumer;
        this.topic = topic;
        this.deserializer = deserializer;
        this.timeout = timeout;
    }

    /** Reads the partition from the start to its end; fails if that takes longer than the timeout. */
    public Map<String, PaymentEvent> restore(int partition) {
        TopicPartition changelog = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, PaymentEvent> outcomes = new HashMap<>();
        consumer.assign(List.of(changelog));
        try {
            consumer.seekToBeginning(List.of(changelog));
            // Under read_committed the end offset is the last stable offset: it waits for open transactions.
            long end = consumer.endOffsets(List.of(changelog), timeout).get(changelog);
            while (consumer.position(changelog, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("restoring " + changelog + " took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        outcomes.remove(record.key());
                    } else {
                        outcomes.put(record.key(), deserializer.deserialize(record.topic(), record.value()));
                    }
                }
            }
        } finally {
            consumer.assign(List.of());
        }
        log.info("Restored {} payment outcome(s) of {}", outcomes.size(), changelog);
        return outcomes;
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(timeout));
    }
}
