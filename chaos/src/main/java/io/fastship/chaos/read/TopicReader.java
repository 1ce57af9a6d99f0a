package io.fastship.chaos.read;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads topics from their beginning to the ends they had when the read began, committed records only
 * ({@code read_committed}), without a consumer group: the audit must not move any offsets of the system.
 */
final class TopicReader {

    private final String bootstrapServers;
    private final Duration timeout;
    private final Map<String, String> security;

    TopicReader(String bootstrapServers, Duration timeout, Map<String, String> security) {
        this.security = Map.copyOf(security);
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /**
     * Hands every record of each topic to its sink, in offset order per partition. One consumer fetches them all:
     * a consumer per topic cost a connection, a metadata round and an empty poll each, seconds per audit.
     */
    void readAll(Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> sinks) {
        Properties config = new Properties();
        config.putAll(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "chaos-auditor");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : sinks.keySet()) {
                for (PartitionInfo partition : consumer.partitionsFor(topic, timeout)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed these are the last stable offsets: nothing past them is decided yet.
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            Instant deadline = Instant.now().plus(timeout);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + end.keySet() + " to the end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> sinks.get(record.topic()).accept(record));
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        return end.isEmpty();
    }
}
