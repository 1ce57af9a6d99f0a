package io.fastship.order.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fastship.events.CatalogItem;
import io.fastship.order.intake.Catalog;
import io.fastship.order.intake.CatalogPrice;
import io.fastship.platform.failure.FailureClassifier;
import io.fastship.platform.http.Health;
import io.fastship.platform.http.HealthIndicator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order service's read model of the compacted catalog topic: every partition read from the beginning into a
 * map, then followed. Not ready until it has read up to the end offsets it saw at start, so intake never prices
 * against a half-loaded catalog.
 *
 * <p>Why a plain consumer and not a GlobalKTable in the saga's topology: intake needs every SKU on every instance,
 * synchronously, on the HTTP thread, and the catalog is small (one record per SKU). A map answers without a
 * RocksDB store or an interactive query, stays readable while the saga rebalances (a Streams store is not), and
 * its readiness is exactly "caught up with the topic" instead of the whole topology's state. It reads
 * {@code read_committed}, assigns partitions (no group, no offsets to commit: the compacted topic is the state).
 */
public final class CatalogReadModel implements Catalog, HealthIndicator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CatalogReadModel.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<CatalogItem> values;
    private final Map<String, CatalogPrice> prices = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile Map<TopicPartition, Long> loadTarget;
    private volatile boolean loaded;
    private volatile boolean closed;
    private volatile String failure;

    private CatalogReadModel(String topic, KafkaConsumer<String, byte[]> consumer, Deserializer<CatalogItem> values) {
        this.topic = topic;
        this.consumer = consumer;
        this.values = values;
        this.thread = new Thread(this::run, "catalog-read-model");
        this.thread.setDaemon(true);
    }

    /** Starts following {@code topic}; {@code clientConfig} is the connection's base client config. */
    public static CatalogReadModel start(String topic, Map<String, Object> clientConfig, String clientId,
                                         Deserializer<CatalogItem> values) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        CatalogReadModel model = new CatalogReadModel(topic,
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()), values);
        model.thread.start();
        return model;
    }

    @Override
    public Optional<CatalogPrice> price(String sku) {
        return Optional.ofNullable(prices.get(sku));
    }

    /** True once everything that was in the topic at start has been read. */
    @Override
    public boolean loaded() {
        return loaded;
    }

    /** How many SKUs are for sale. */
    public int size() {
        return prices.size();
    }

    @Override
    public Health check() {
        if (loaded) {
            return Health.up(prices.size() + " SKUs");
        }
        return Health.down(failure != null ? failure : "loading " + topic);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            loadTarget = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            log.info("Loading the catalog from {} ({} partitions)", topic, partitions.size());
            while (!closed) {
                if (!applyAll(consumer.poll(POLL))) {
                    pauseAfterTransientFailure();
                }
                if (!loaded && caughtUp()) {
                    loaded = true;
                    log.info("Catalog loaded: {} SKUs from {}", prices.size(), topic);
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up.
        } catch (RuntimeException e) {
            failure = "catalog consumer failed: " + e;
            log.error("The catalog read model stopped; the service reports not ready", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean caughtUp() {
        for (Map.Entry<TopicPartition, Long> end : loadTarget.entrySet()) {
            if (consumer.position(end.getKey(), Duration.ofSeconds(5)) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies a poll's records; false when one could not be read for now. Then it and every record after it, in
     * its partition and in the partitions not reached yet, are read again: the poll has moved every partition's
     * position past its records, and a record skipped here would leave its SKU without a price for good.
     */
    private boolean applyAll(ConsumerRecords<String, byte[]> records) {
        boolean again = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (again || !apply(record)) {
                    again = true;
                    consumer.seek(partition, record.offset());
                    break;
                }
            }
        }
        return !again;
    }

    /** False when the record must be read again (a transient failure, e.g. the registry is unreachable). */
    private boolean apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return true;
        }
        if (record.value() == null) {
            prices.remove(record.key());
            return true;
        }
        try {
            CatalogItem item = values.deserialize(record.topic(), record.headers(), record.value());
            prices.put(record.key(), new CatalogPrice(record.key(), item.getPrice().getUnitPriceMinor(),
                    item.getPrice().getCurrency()));
        } catch (RuntimeException e) {
            if (FailureClassifier.isTransient(e)) {
                failure = "catalog record unreadable for now (" + e + "); retrying";
                log.warn("Catalog record {}-{}@{} cannot be read now, retrying: {}", record.topic(), record.partition(),
                        record.offset(), e.toString());
                return false;
            }
            // Keep the previous price: one unreadable record must not take a SKU off sale or stop the model.
            log.warn("Catalog record {}-{}@{} for SKU {} unreadable, previous price kept: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), e.toString());
        }
        return true;
    }

    private void pauseAfterTransientFailure() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
