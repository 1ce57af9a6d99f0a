package io.fastship.localstack.junit;

import java.util.Map;

import io.fastship.localstack.broker.KafkaCluster;

/** What an integration test gets: a real Kafka cluster and a Confluent-compatible schema registry. */
public interface KafkaStack {

    /** {@code host:port} list for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Base URL of the schema registry; the embedded one starts on the first call. */
    String schemaRegistryUrl();

    /** A name no other test in this run uses, for topics, groups and transactional ids. */
    String uniqueName(String prefix);

    /**
     * Creates a topic with the given partitions and waits until it is usable: replication 1 on one broker; on a
     * cluster of three or more, replication 3 with {@code min.insync.replicas=2} (the production shape).
     */
    void createTopic(String name, int partitions);

    /**
     * The brokers this fixture started, to kill, pause or restart one ({@code cluster().broker(2).kill()}) or
     * find a partition's leader ({@code cluster().leaderOf(topic, 0)}). Not available against an external cluster.
     */
    default KafkaCluster cluster() {
        throw new UnsupportedOperationException("the tests run against an external Kafka cluster");
    }

    /** The schema registry, to stop and start again on the same port (an outage); starts it if needed. */
    default RegistryControl registry() {
        throw new UnsupportedOperationException("the tests run against an external schema registry");
    }

    /** The minimal client config: {@code bootstrap.servers}. */
    default Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }
}
