package io.fastship.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schemas topic: one producer for appends and one background reader that feeds every record, in
 * order, to the handler that maintains the registry's state.
 */
final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TopicPartition partition;
    private final BiConsumer<String, String> handler;
    private final Duration operationTimeout;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    // Guarded by 'progress': the next offset the reader will apply, and why it stopped if it did.
    private long position;
    private Throwable readerFailure;
    private volatile boolean closed;

    private KafkaSchemaLog(String bootstrapServers, Map<String, String> clientConfig, String topic,
                           BiConsumer<String, String> handler, Duration operationTimeout) {
        this.partition = new TopicPartition(topic, 0);
        this.handler = handler;
        this.operationTimeout = operationTimeout;
        // Distinct client ids keep several registries in one JVM (tests) from clashing on JMX names.
        String clientId = "schema-registry-" + topic + "-" + INSTANCES.incrementAndGet();
        this.producer = new KafkaProducer<>(with(clientConfig, producerConfig(bootstrapServers, clientId + "-writer")),
                new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(with(clientConfig, consumerConfig(bootstrapServers, clientId + "-reader")),
                new StringDeserializer(), new StringDeserializer());
        this.reader = new Thread(this::readLoop, clientId + "-reader");
        this.reader.setDaemon(true);
    }

    /**
     * Creates the topic if needed, starts the reader and returns once everything already in the topic
     * has been handed to {@code handler}.
     */
    public static KafkaSchemaLog open(String bootstrapServers, String topic, BiConsumer<String, String> handler,
                                      Duration operationTimeout) {
        return open(bootstrapServers, Map.of(), topic, handler, operationTimeout);
    }

    /** As {@link #open(String, String, BiConsumer, Duration)}, with extra client settings (security). */
    public static KafkaSchemaLog open(String bootstrapServers, Map<String, String> clientConfig, String topic,
                                      BiConsumer<String, String> handler, Duration operationTimeout) {
        try (Admin admin = Admin.create(with(clientConfig,
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))) {
            SchemaTopic.ensure(admin, topic, operationTimeout);
        }
        KafkaSchemaLog schemaLog = new KafkaSchemaLog(bootstrapServers, clientConfig, topic, handler, operationTimeout);
        try {
            schemaLog.startReading();
            return schemaLog;
        } catch (RuntimeException e) {
            schemaLog.close();
            throw e;
        }
    }

    private void startReading() {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        // Read before the reader thread exists: the consumer is single-threaded, and start() publishes it.
        long end = consumer.endOffsets(List.of(partition), operationTimeout).get(partition);
        reader.start();
        awaitPosition(end);
        log.info("Schemas topic {} replayed up to offset {}", partition.topic(), end);
    }

    @Override
    public void append(String key, String value) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(partition.topic(), 0, key, value))
                    .get(operationTimeout.toMillis(), TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.internal("interrupted while writing to " + partition.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryException.internal("cannot write to " + partition.topic() + ": " + e, e);
        }
        awaitPosition(offset + 1);
    }

    private void awaitPosition(long target) {
        long deadline = System.nanoTime() + operationTimeout.toNanos();
        synchronized (progress) {
            while (position < target) {
                if (readerFailure != null) {
                    throw RegistryException.internal("the schemas reader stopped: " + readerFailure, readerFailure);
                }
                if (closed) {
                    throw RegistryException.internal("the registry is closing", null);
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw RegistryException.internal("timed out after " + operationTimeout
                            + " waiting to read back offset " + (target - 1) + " of " + partition.topic(), null);
                }
                try {
                    progress.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryException.internal("interrupted while reading back " + partition.topic(), e);
                }
            }
        }
    }

    private void readLoop() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL_TIMEOUT)) {
                    applyOne(record);
                }
                publishPosition();
            }
        } catch (WakeupException e) {
            if (!closed) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void publishPosition() {
        long next;
        try {
            // The position, not the last record's offset, also steps over offsets compaction removed.
            next = consumer.position(partition, POLL_TIMEOUT);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            // The broker is away for now; the consumer reconnects by itself on the next poll.
            log.debug("Position of {} not known yet: {}", partition, e.getMessage());
            return;
        }
        synchronized (progress) {
            position = next;
            progress.notifyAll();
        }
    }

    private void applyOne(ConsumerRecord<String, String> record) {
        try {
            handler.accept(record.key(), record.value());
        } catch (RuntimeException e) {
            // A record we cannot apply must not stop the registry from serving everything else.
            log.warn("Skipping schemas record at offset {}: {}", record.offset(), e.toString());
        }
    }

    private void fail(Throwable e) {
        log.error("Schemas reader for {} stopped", partition.topic(), e);
        synchronized (progress) {
            readerFailure = e;
            progress.notifyAll();
        }
    }

    /** Stops the reader and the producer, each within a bounded wait; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (reader.isAlive()) {
            consumer.wakeup();
            try {
                reader.join(CLOSE_TIMEOUT.multipliedBy(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                log.warn("Schemas reader for {} did not stop within {}", partition.topic(), CLOSE_TIMEOUT.multipliedBy(2));
            }
        } else if (reader.getState() == Thread.State.NEW) {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
        producer.close(CLOSE_TIMEOUT);
    }

    private static Map<String, Object> with(Map<String, String> extra, Map<String, Object> base) {
        Map<String, Object> config = new java.util.HashMap<>(extra);
        config.putAll(base);
        return config;
    }

    private static Map<String, Object> producerConfig(String bootstrapServers, String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, clientId);
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers, String clientId) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    }
}
