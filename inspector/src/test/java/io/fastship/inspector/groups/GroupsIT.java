package io.fastship.inspector.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.inspector.Fixtures;
import io.fastship.inspector.Inspect;
import io.fastship.inspector.InspectorCommand;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafkaStack
class GroupsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void shouldReportAsLagTheRecordsTheGroupLeftUnconsumed(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("lag");
        String group = stack.uniqueName("lag-group");
        stack.createTopic(topic, 2);
        Fixtures.sendText(stack, topic, 0, 6);
        Fixtures.sendText(stack, topic, 1, 4);
        int consumed = consumeOnceAndCommit(stack, group, topic);

        Inspect.Result json = inspect(stack, "group", group, "--output", "json");
        Inspect.Result list = inspect(stack, "groups", "--prefix", group);

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode snapshot = JSON.readTree(json.out());
        assertThat(snapshot.get("group").asText()).isEqualTo(group);
        assertThat(snapshot.get("state").asText()).isEqualTo("Empty");
        assertThat(snapshot.get("members")).isEmpty();
        assertThat(snapshot.get("totalLag").asLong()).isEqualTo(10 - consumed);
        long committed = 0;
        for (JsonNode partition : snapshot.get("partitions")) {
            assertThat(partition.get("topic").asText()).isEqualTo(topic);
            assertThat(partition.get("lag").asLong())
                    .isEqualTo(partition.get("end").asLong() - partition.get("committed").asLong());
            committed += partition.get("committed").asLong();
        }
        assertThat(committed).isEqualTo(consumed);

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.outLines()).hasSize(2);
        assertThat(list.outLines().get(1).split("\\s+")).containsExactly(group, "classic", "consumer", "Empty", "0",
                Long.toString(10 - consumed));
    }

    @Test
    void shouldShowPartitionsMoveToASecondMemberWhenItJoins(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("scale");
        String group = stack.uniqueName("scale-group");
        stack.createTopic(topic, 4);

        try (BackgroundConsumer first = new BackgroundConsumer(stack.clientConfig(), group, "first", "consumer", topic)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode members = snapshot(stack, group).get("members");
                assertThat(members).singleElement().satisfies(m -> assertThat(m.get("assignment")).hasSize(4));
            });

            try (BackgroundConsumer second = new BackgroundConsumer(stack.clientConfig(), group, "second", "consumer",
                    topic)) {
                await().atMost(DEADLINE).untilAsserted(() -> {
                    JsonNode snapshot = snapshot(stack, group);
                    assertThat(snapshot.get("type").asText()).isEqualTo("consumer");
                    JsonNode members = snapshot.get("members");
                    assertThat(members).hasSize(2);
                    Set<String> owned = new HashSet<>();
                    for (JsonNode member : members) {
                        assertThat(member.get("assignment")).isNotEmpty();
                        member.get("assignment").forEach(a -> owned.add(a.get("partition").asText()));
                    }
                    assertThat(owned).containsExactlyInAnyOrder("0", "1", "2", "3");
                });

                Inspect.Result watch = inspect(stack, "watch", group, "--iterations", "2", "--interval", "100ms");
                assertThat(watch.exitCode()).as(watch.err()).isZero();
                assertThat(watch.out()).doesNotContain("\033");
                assertThat(watch.out().split("CLIENT-ID  HOST", -1)).hasSize(3);
                assertThat(watch.out()).contains("first", "second", "Ctrl-C stops");
            }
        }
    }

    @Test
    void shouldShowAKafkaStreamsApplicationAsAGroup(KafkaStack stack, @TempDir Path stateDir) throws Exception {
        String topic = stack.uniqueName("streams-in");
        String applicationId = stack.uniqueName("streams-app");
        stack.createTopic(topic, 2);
        Fixtures.sendText(stack, topic, 0, 3);
        Properties config = new Properties();
        config.putAll(stack.clientConfig());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, org.apache.kafka.streams.kstream.Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .foreach((key, value) -> { });

        try (KafkaStreams streams = new KafkaStreams(builder.build(), config)) {
            streams.start();
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonNode snapshot = snapshot(stack, applicationId);
                assertThat(snapshot.get("members")).singleElement()
                        .satisfies(m -> assertThat(m.get("assignment")).hasSize(2));
                assertThat(snapshot.get("totalLag").asLong()).isZero();
                assertThat(snapshot.get("partitions")).anySatisfy(p -> assertThat(p.get("committed").asLong()).isEqualTo(3));
            });
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldSayInOneLineThatAnUnknownGroupDoesNotExist(KafkaStack stack) {
        String group = stack.uniqueName("no-such-group");

        Inspect.Result result = inspect(stack, "group", group);

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.FAILED);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("inspect: group '" + group + "' does not exist");
    }

    private static JsonNode snapshot(KafkaStack stack, String group) throws Exception {
        Inspect.Result result = inspect(stack, "group", group, "-o", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    private static Inspect.Result inspect(KafkaStack stack, String... args) {
        return Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(), args);
    }

    /** Consumes one non-empty poll (at most 3 records) and commits it; returns how many it consumed. */
    private static int consumeOnceAndCommit(KafkaStack stack, String group, String topic) {
        Map<String, Object> config = new HashMap<>(stack.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 3);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<byte[], byte[]> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(200));
            }
            assertThat(records.count()).isPositive();
            consumer.commitSync();
            return records.count();
        }
    }
}
