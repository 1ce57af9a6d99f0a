package io.fastship.order.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.fastship.events.OrderCreated;
import io.fastship.schemas.Topic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code OrderCreated} keyed by order id and tells the caller when the broker has it: the future completes
 * in the producer's callback once every in-sync replica acknowledged ({@code acks=all}, idempotent), or fails
 * within the publish timeout. No request thread waits for the broker.
 */
public final class OrderPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderPublisher.class);

    private final Producer<String, OrderCreated> producer;
    private final Topic<OrderCreated> topic;
    private final Duration timeout;
    private final Duration closeTimeout;

    public OrderPublisher(Producer<String, OrderCreated> producer, Topic<OrderCreated> topic, Duration timeout,
                          Duration closeTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Producer settings that bound every wait by {@code timeout}: {@code max.block.ms} caps a send that waits for
     * metadata or buffer space, {@code delivery.timeout.ms} caps the retries of a batch.
     */
    public static Map<String, Object> boundedBy(Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        long millis = timeout.toMillis();
        long linger = 5;
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) millis);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms, or the producer refuses to start.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, millis - linger));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        return config;
    }

    /** Fetches the topic's metadata now, so the first order does not wait for it on a request thread. */
    public void warmUp() {
        int partitions = producer.partitionsFor(topic.name()).size();
        log.info("Publishing orders to {} ({} partitions), timeout {}", topic.name(), partitions, timeout);
    }

    /** Completes with the record's position once acknowledged; fails with the producer's error otherwise. */
    public CompletableFuture<RecordMetadata> publish(OrderCreated order) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic.name(), order.getOrderId(), order), (metadata, error) -> {
                if (error != null) {
                    acknowledged.completeExceptionally(error);
                } else {
                    acknowledged.complete(metadata);
                }
            });
        } catch (RuntimeException e) {
            // max.block.ms ran out, the record is too large, the registry refused the schema, or we are closing.
            acknowledged.completeExceptionally(e);
        }
        // The callback always comes within delivery.timeout.ms; this is the belt to that brace.
        return acknowledged.orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        // Flush what was sent (its callers are waiting for the answer), but never longer than the bound.
        producer.close(closeTimeout);
    }
}
