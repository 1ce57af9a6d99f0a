package io.fastship.localstack.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Proves the broker is the real thing: transactions, partitions and durable storage behave as Kafka's do. */
@WithKafkaStack
class KafkaBrokerIT {

    @Test
    void readCommittedConsumersNeverSeeAbortedRecords(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tx");
        stack.createTopic(topic, 3);

        assertTransactionsIsolateAbortedRecords(stack.bootstrapServers(), topic, stack.uniqueName("tx-id"));
    }

    /** The broker contract both the process broker and the container broker must meet. */
    static void assertTransactionsIsolateAbortedRecords(String bootstrap, String topic, String transactionalId) {
        try (var producer = transactionalProducer(bootstrap, transactionalId)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "aborted-1"));
            producer.send(new ProducerRecord<>(topic, "k2", "aborted-2"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k2", "committed-2"));
            producer.commitTransaction();
        }

        assertThat(readAll(bootstrap, topic, "read_committed", 2))
                .containsExactlyInAnyOrder("committed-1", "committed-2");
        assertThat(readAll(bootstrap, topic, "read_uncommitted", 4))
                .containsExactlyInAnyOrder("aborted-1", "aborted-2", "committed-1", "committed-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "snappy", "zstd", "gzip"})
    void storesCompressedBatches(String compression, KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("compressed-" + compression);
        stack.createTopic(topic, 1);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, compression), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "packed with " + compression)).get(30, TimeUnit.SECONDS);
        }

        assertThat(readAll(stack.bootstrapServers(), topic, "read_committed", 1)).containsExactly("packed with " + compression);
    }

    @Test
    void createsTopicsWithTheRequestedPartitions(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("partitioned");
        stack.createTopic(topic, 6);

        try (Admin admin = Admin.create(stack.clientConfig())) {
            TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            assertThat(description.partitions()).hasSize(6);
            assertThat(description.partitions()).allSatisfy(p -> assertThat(p.leader()).isNotNull());
        }
    }

    @Test
    void restartOnTheSameDataKeepsRecords(@TempDir Path dataDir) throws Exception {
        String topic = "durable-" + UUID.randomUUID();
        BrokerConfig used;
        try (KafkaBroker broker = KafkaBroker.start(BrokerConfig.onFreePorts(dataDir))) {
            used = broker.config();
            createTopic(broker.bootstrapServers(), topic);
            try (var producer = plainProducer(broker.bootstrapServers())) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(10, TimeUnit.SECONDS);
                }
            }
        }

        try (KafkaBroker restarted = KafkaBroker.start(used)) {
            assertThat(restarted.bootstrapServers()).isEqualTo(used.bootstrapServers());
            assertThat(readAll(restarted.bootstrapServers(), topic, "read_committed", 10))
                    .containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
        }
    }

    @Test
    void killStopsTheProcessAtOnce(@TempDir Path dataDir) {
        KafkaBroker broker = KafkaBroker.start(BrokerConfig.onFreePorts(dataDir));
        long pid = broker.pid();

        broker.kill();

        assertThat(broker.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 2, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> plainProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrap, String transactionalId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId), new StringSerializer(), new StringSerializer());
    }

    /** Reads until {@code expected} values arrived, or 30 s passed, and then a little more to catch extras. */
    private static List<String> readAll(String bootstrap, String topic, String isolation, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            // One more poll: an extra record (an aborted one leaking through) would show up here.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
        }
        return values;
    }
}
