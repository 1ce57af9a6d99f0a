package io.fastship.chaos.read;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.fastship.chaos.audit.DeadLetterSeen;
import io.fastship.chaos.audit.Evidence;
import io.fastship.chaos.audit.Seen;
import io.fastship.localstack.security.ClientSettings;
import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import io.fastship.schemas.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Gathers the audit's evidence from the cluster: every event topic and every dead-letter topic, decoded with the
 * schemas module's serde into the generated classes, and nothing of the services' code.
 */
public final class EvidenceReader {

    private static final String DEAD_LETTER_SUFFIX = Topics.deadLetter("x").substring(1);

    private final String bootstrapServers;
    private final String schemaRegistryUrl;
    private final String namespace;
    private final TopicReader reader;
    private final Map<String, String> kafkaSettings;
    private final Map<String, String> registrySettings;
    private final Duration timeout;

    public EvidenceReader(String bootstrapServers, String schemaRegistryUrl, String namespace, Duration timeout) {
        this(bootstrapServers, schemaRegistryUrl, namespace, timeout, ClientSettings.NONE);
    }

    /** A reader with a secure stack's client settings, Kafka's part for the consumers and the registry's for the serde. */
    public EvidenceReader(String bootstrapServers, String schemaRegistryUrl, String namespace, Duration timeout,
                          ClientSettings clientSettings) {
        this.bootstrapServers = bootstrapServers;
        this.schemaRegistryUrl = schemaRegistryUrl;
        this.namespace = namespace == null ? "" : namespace.strip();
        this.kafkaSettings = clientSettings.kafka();
        this.registrySettings = clientSettings.registry();
        this.reader = new TopicReader(bootstrapServers, timeout, kafkaSettings);
        this.timeout = timeout;
    }

    public Evidence read() {
        Map<String, Integer> undecodable = new HashMap<>();
        Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> sinks = new LinkedHashMap<>();
        List<Deserializer<?>> deserializers = new ArrayList<>();
        try {
            var orders = collect(Topics.ORDERS, undecodable, sinks, deserializers);
            var statuses = collect(Topics.ORDER_STATUS, undecodable, sinks, deserializers);
            var payments = collect(Topics.PAYMENTS, undecodable, sinks, deserializers);
            var inventory = collect(Topics.INVENTORY, undecodable, sinks, deserializers);
            var stock = collect(Topics.STOCK, undecodable, sinks, deserializers);
            List<DeadLetterSeen> letters = new ArrayList<>();
            for (String topic : deadLetterTopics()) {
                sinks.put(topic, record -> letters.add(new DeadLetterSeen(topic, text(record.key()),
                        header(record, "dlq.source.topic"), header(record, "dlq.error.message"),
                        Instant.ofEpochMilli(record.timestamp()))));
            }
            reader.readAll(sinks);
            return new Evidence(orders, statuses, payments, inventory, stock, letters, undecodable);
        } finally {
            deserializers.forEach(Deserializer::close);
        }
    }

    /** Registers the sink that decodes {@code base}'s records; the list it returns is filled by the read. */
    private <V extends SpecificRecord> List<Seen<V>> collect(Topic<V> base, Map<String, Integer> undecodable,
            Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> sinks, List<Deserializer<?>> deserializers) {
        Topic<V> topic = base.inNamespace(namespace);
        List<Seen<V>> seen = new ArrayList<>();
        Map<String, Object> registry = new HashMap<>(registrySettings);
        registry.put("schema.registry.url", schemaRegistryUrl);
        Deserializer<V> values = AvroSerdes.specific(topic.valueType(), registry, false).deserializer();
        deserializers.add(values);
        sinks.put(topic.name(), record -> {
            V value = decode(values, record);
            if (value == null) {
                undecodable.merge(topic.name(), 1, Integer::sum);
            } else {
                seen.add(new Seen<>(text(record.key()), value, record.partition(), record.offset(),
                        Instant.ofEpochMilli(record.timestamp())));
            }
        });
        return seen;
    }

    /** Null for a value that is not a valid event of the topic: the poison the scenario injected, or worse. */
    private static <V> V decode(Deserializer<V> values, ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return values.deserialize(record.topic(), record.headers(), record.value());
        } catch (RuntimeException e) {
            if (isRegistryDown(e)) {
                throw e;
            }
            return null;
        }
    }

    private static boolean isRegistryDown(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.fastship.schemas.registry.SchemaRegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** The dead-letter topics of this namespace: {@code <service>.dlq}, as the services create them. */
    public Set<String> deadLetterTopics() {
        Properties config = new Properties();
        config.putAll(kafkaSettings);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> names = admin.listTopics().names().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            Set<String> dlqs = new TreeSet<>();
            for (String name : names) {
                String service = name.endsWith(DEAD_LETTER_SUFFIX)
                        ? name.substring(0, name.length() - DEAD_LETTER_SUFFIX.length()) : null;
                if (service != null && inNamespace(service)) {
                    dlqs.add(name);
                }
            }
            return dlqs;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot list the topics of " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private boolean inNamespace(String service) {
        return namespace.isEmpty() ? !service.contains(".") : service.startsWith(namespace + ".")
                && !service.substring(namespace.length() + 1).contains(".");
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
