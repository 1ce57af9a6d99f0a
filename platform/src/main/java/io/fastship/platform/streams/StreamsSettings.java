package io.fastship.platform.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.fastship.platform.config.KafkaConnection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams config every FastShip topology runs with: exactly-once v2, dead-letter handlers, a state
 * directory per instance, one RocksDB memory budget per process, and {@code application.server} so interactive
 * queries can find a key's owner.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Map<String, Object> exactlyOnce(String applicationId, KafkaConnection connection, Path stateDir,
                                                  Optional<String> applicationServer, int standbyReplicas,
                                                  Duration commitInterval) {
        Map<String, Object> config = new HashMap<>(connection.clientConfig());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        // Under exactly-once the commit interval is the transaction length: it bounds end-to-end latency.
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // lz4 by default; a KAFKA_CLIENT_COMPRESSION_TYPE from the environment wins (a prefixed default would not let it).
        if (!config.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            config.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        }
        // Internal topics (changelogs, repartition) follow the cluster's size: one local broker needs 1.
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        config.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        applicationServer.ifPresent(server -> config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server));
        DeadLetterHandlers.install(config);
        return config;
    }
}
