package io.fastship.chaos.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.fastship.localstack.security.ClientSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes poison on purpose: raw bytes that are not an Avro OrderCreated, straight to the orders topic, each with
 * a recognisable key so the auditor can tell the expected dead letters from the unexpected ones.
 */
public final class PoisonInjector {

    /** Key prefix of every poison record; dead letters keep the original key. */
    public static final String KEY_PREFIX = io.fastship.chaos.audit.Auditor.POISON_PREFIX;

    private PoisonInjector() {
    }

    /** Produces {@code count} poison records to {@code topic}; returns their keys once the cluster has them. */
    public static List<String> inject(String bootstrapServers, String topic, int count) {
        return inject(bootstrapServers, ClientSettings.NONE, topic, count);
    }

    /** As {@link #inject(String, String, int)} with a secure stack's client settings (its ACLs must allow the write). */
    public static List<String> inject(String bootstrapServers, ClientSettings security, String topic, int count) {
        Properties config = new Properties();
        config.putAll(security.kafka());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "chaos-poison");
        List<String> keys = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String key = KEY_PREFIX + UUID.randomUUID();
                byte[] value = ("chaos poison " + i + ": not an Avro OrderCreated").getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
                keys.add(key);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write poison to " + topic + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return keys;
    }
}
