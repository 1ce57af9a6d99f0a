package io.fastship.localstack.broker;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same broker contract against the official {@code apache/kafka} image, for machines with Docker.
 * Skipped cleanly where no Docker engine runs (CI here): the process broker is the default everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class KafkaContainerIT {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Test
    void readCommittedConsumersNeverSeeAbortedRecords() throws Exception {
        String topic = "tx-" + UUID.randomUUID();
        KafkaBrokerIT.createTopic(KAFKA.getBootstrapServers(), topic);

        KafkaBrokerIT.assertTransactionsIsolateAbortedRecords(KAFKA.getBootstrapServers(), topic,
                "tx-" + UUID.randomUUID());
    }
}
