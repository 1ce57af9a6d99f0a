package io.fastship.localstack.junit;

import java.util.Map;

/** What an integration test gets: a real Kafka cluster and a Confluent-compatible schema registry. */
public interface KafkaStack {

    /** {@code host:port} list for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Base URL of the schema registry; the embedded one starts on the first call. */
    String schemaRegistryUrl();

    /** A name no other test in this run uses, for topics, groups and transactional ids. */
    String uniqueName(String prefix);

    /** Creates a topic with the given partitions (replication 1) and waits until it is usable. */
    void createTopic(String name, int partitions);

    /** The minimal client config: {@code bootstrap.servers}. */
    default Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }
}
