package io.fastship.order.query;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.platform.failure.FailureClassifier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code order-status} with {@code read_committed} (all partitions, no group) into {@link CommittedStatuses}
 * and tells {@code onCommitted} each order whose committed status arrived, and that status. This is what wakes waiting
 * requests and event streams: a status from a transaction that aborts is never read here, so no client ever sees it.
 */
public final class CommittedStatusFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommittedStatusFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<OrderStatusChanged> values;
    private final String topic;
    private final CommittedStatuses statuses;
    private final BiConsumer<String, OrderStatus> onCommitted;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    public CommittedStatusFeed(KafkaConsumer<String, byte[]> consumer, Deserializer<OrderStatusChanged> values,
                               String topic, CommittedStatuses statuses, BiConsumer<String, OrderStatus> onCommitted,
                               Clock clock) {
        this.consumer = consumer;
        this.values = values;
        this.topic = topic;
        this.statuses = statuses;
        this.onCommitted = onCommitted;
        this.clock = clock;
        this.thread = new Thread(this::run, "order-status-committed");
        this.thread.setDaemon(true);
    }

    public CommittedStatusFeed start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            assignFromWindowStart();
            long lastEviction = clock.millis();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (!handle(record)) {
                        // Registry away: read this record again on the next poll instead of skipping it.
                        consumer.seek(new TopicPartition(record.topic(), record.partition()), record.offset());
                        break;
                    }
                }
                long now = clock.millis();
                if (now - lastEviction > 10_000) {
                    statuses.evict(now);
                    lastEviction = now;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("Committed order-status reader stopped; waiting requests will answer on their timeout", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void assignFromWindowStart() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> since = new HashMap<>();
        long start = clock.millis() - statuses.window().toMillis();
        partitions.forEach(partition -> since.put(partition, start));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }

    /** False when the record must be read again (a transient failure). */
    private boolean handle(ConsumerRecord<String, byte[]> record) {
        OrderStatusChanged change;
        try {
            change = values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                log.warn("Cannot decode order-status now, retrying: {}", e.toString());
                return false;
            }
            log.warn("Skipping unreadable order-status record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return true;
        }
        if (change == null || change.getOrderId() == null) {
            return true;
        }
        statuses.committed(change.getOrderId(), change.getStatus(), clock.millis());
        try {
            onCommitted.accept(change.getOrderId(), change.getStatus());
        } catch (RuntimeException e) {
            log.warn("Cannot notify the watchers of order {}: {}", change.getOrderId(), e.toString());
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
