package io.fastship.inventory.stock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.schemas.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one absolute record per key (a price, a stock level) to a compacted topic, creating it if missing. */
final class SeedWriter {

    private static final Logger log = LoggerFactory.getLogger(SeedWriter.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(25);
    static final int ATTEMPTS = 3;

    /*
     * One request in flight: on a partition created a moment ago the broker can refuse the first request (not yet
     * leader) and append the second; the first then fails OUT_OF_ORDER_SEQUENCE_NUMBER on every retry until the
     * delivery timeout drops it (KAFKA-15591). A seeder sends one small batch, so it loses nothing by waiting.
     */
    private static final Map<String, Object> PRODUCER = Map.of(
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());

    private SeedWriter() {
    }

    /**
     * Writes every record and waits for all acknowledgements; returns how many were written. Each record sets an
     * absolute value, so a set that is not fully acknowledged is simply written again (up to {@link #ATTEMPTS}).
     */
    static <V extends SpecificRecord> int write(KafkaConnection connection, String clientId, Topic<V> topic,
                                                int partitions, Map<String, V> records) {
        try (KafkaClients clients = new KafkaClients(connection, clientId)) {
            try (Admin admin = clients.admin()) {
                new TopicInitializer(admin, TOPIC_TIMEOUT).ensure(List.of(
                        new TopicInitializer.Spec(topic.name(), topic.settings().withPartitions(partitions))));
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return writeOnce(clients, clientId, topic, records);
                } catch (ExecutionException | TimeoutException e) {
                    String reason = e instanceof ExecutionException ? e.getCause().getMessage() : "no acknowledgement";
                    if (attempt == ATTEMPTS) {
                        throw new IllegalStateException(records.size() + " records to " + topic.name()
                                + " not written after " + ATTEMPTS + " attempts: " + reason, e);
                    }
                    log.warn("Writing {} records to {} failed ({}); writing them again", records.size(), topic.name(),
                            reason);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + topic.name(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the Kafka clients failed: " + e.getMessage(), e);
        }
    }

    private static <V extends SpecificRecord> int writeOnce(KafkaClients clients, String clientId, Topic<V> topic,
                                                            Map<String, V> records)
            throws ExecutionException, TimeoutException, InterruptedException {
        KafkaProducer<String, V> producer = clients.producer(clientId, PRODUCER);
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach((key, value) -> sent.add(producer.send(new ProducerRecord<>(topic.name(), key, value))));
            long deadline = System.nanoTime() + DELIVERY_TIMEOUT.plusSeconds(5).toNanos();
            for (Future<RecordMetadata> ack : sent) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return sent.size();
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
