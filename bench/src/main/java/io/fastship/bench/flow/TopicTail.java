package io.fastship.bench.flow;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Follows a topic from its current end with a {@code read_committed} consumer on its own thread, handing each
 * decoded value to a handler with the moment it was seen. Partitions are assigned, not subscribed: no group,
 * no rebalance, and the end offsets are fixed before {@link #start} returns, so nothing written afterwards is missed.
 */
public final class TopicTail<V extends SpecificRecord> implements AutoCloseable {

    /** Receives every value, on the tail's thread. */
    @FunctionalInterface
    public interface Handler<V> {
        void seen(String key, V value, long seenNanos);
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<V> values;
    private final String topicName;
    private final Handler<V> handler;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;

    private TopicTail(KafkaConsumer<String, byte[]> consumer, Deserializer<V> values, String topicName,
                      Handler<V> handler) {
        this.consumer = consumer;
        this.values = values;
        this.topicName = topicName;
        this.handler = handler;
        this.thread = new Thread(this::run, "tail-" + topicName);
        this.thread.setDaemon(true);
    }

    public static <V extends SpecificRecord> TopicTail<V> start(KafkaClients clients, Topic<V> topic,
                                                                Handler<V> handler) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        overrides.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        KafkaConsumer<String, byte[]> consumer = clients.consumer("bench-" + UUID.randomUUID(),
                "bench-tail-" + topic.name(), overrides);
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic.name() + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        TopicTail<V> tail = new TopicTail<>(consumer, clients.valueSerde(topic).deserializer(), topic.name(), handler);
        tail.thread.start();
        return tail;
    }

    private void run() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    long seen = System.nanoTime();
                    if (record.value() != null) {
                        handler.seen(record.key(), values.deserialize(topicName, record.headers(), record.value()), seen);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Throws what stopped the tail early, if anything did: its numbers would be incomplete. */
    public void checkHealthy() {
        Throwable error = failure.get();
        if (error != null) {
            throw new IllegalStateException("reading " + topicName + " failed: " + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
