package io.fastship.inspector.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.events.OrderCreated;
import io.fastship.inspector.Fixtures;
import io.fastship.inspector.Inspect;
import io.fastship.inspector.InspectorCommand;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.schemas.serde.AvroSerdeConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@WithKafkaStack
class TopicsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListTheTopicWithItsPartitionsAndMessageCount(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("topics");
        stack.createTopic(topic, 3);
        Fixtures.sendText(stack, topic, 0, 4);
        Fixtures.sendText(stack, topic, 1, 2);

        Inspect.Result json = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "topics", "--prefix", topic, "--output", "json");
        Inspect.Result table = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "topics", "--prefix", topic);

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode topics = JSON.readTree(json.out());
        assertThat(topics).hasSize(1);
        JsonNode summary = topics.get(0);
        assertThat(summary.get("topic").asText()).isEqualTo(topic);
        assertThat(summary.get("partitions").asInt()).isEqualTo(3);
        assertThat(summary.get("replicationFactor").asInt()).isEqualTo(1);
        assertThat(summary.get("messages").asLong()).isEqualTo(6);
        assertThat(summary.get("cleanupPolicy").asText()).isEqualTo("delete");
        assertThat(summary.get("retentionMs").isNumber()).isTrue();
        assertThat(summary.get("bytes").asLong()).isPositive();

        assertThat(table.exitCode()).isZero();
        assertThat(table.outLines()).hasSize(2);
        assertThat(table.outLines().get(0)).startsWith("TOPIC").contains("PARTITIONS", "RETENTION", "MESSAGES", "BYTES");
        assertThat(table.outLines().get(1).split("\\s+")).startsWith(topic, "3", "1").contains("delete", "6");
    }

    @Test
    void shouldDescribePartitionOffsetsAndTheTopicsSchemaSubject(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("describe");
        stack.createTopic(topic, 2);
        List<OrderCreated> orders = List.of(Fixtures.order("o-1", 100), Fixtures.order("o-2", 200),
                Fixtures.order("o-3", 300));
        Fixtures.sendOrders(stack, topic, orders, Map.of());

        Inspect.Result result = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "describe", topic, "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode details = JSON.readTree(result.out());
        JsonNode partitions = details.get("partitions");
        assertThat(partitions).hasSize(2);
        long total = 0;
        for (JsonNode partition : partitions) {
            assertThat(partition.get("leader").isInt()).isTrue();
            assertThat(partition.get("isr").toString()).contains(partition.get("leader").asText());
            assertThat(partition.get("startOffset").asLong()).isZero();
            total += partition.get("endOffset").asLong();
        }
        assertThat(total).isEqualTo(orders.size());
        assertThat(details.get("subjects")).singleElement().satisfies(subject -> {
            assertThat(subject.get("subject").asText()).isEqualTo(topic + "-value");
            assertThat(subject.get("strategy").asText()).isEqualTo("topic-value");
            assertThat(subject.get("versions").toString()).isEqualTo("[1]");
            assertThat(subject.get("latestSchema").asText()).isEqualTo(OrderCreated.getClassSchema().getFullName());
        });
    }

    @Test
    void shouldFindRecordNameStrategySubjectsFromTheRecordsInTheTopic(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("record-named");
        stack.createTopic(topic, 1);
        Fixtures.sendOrders(stack, topic, List.of(Fixtures.order("o-9", 900)),
                Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy"));

        Inspect.Result result = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "describe", topic);

        assertThat(result.exitCode()).as(result.err()).isZero();
        String subjects = result.out().substring(result.out().indexOf("SUBJECT"));
        assertThat(subjects.lines().skip(1)).singleElement().asString()
                .startsWith(OrderCreated.getClassSchema().getFullName()).contains(" record ");
    }

    @Test
    void shouldSayInOneLineThatAnUnknownTopicDoesNotExist(KafkaStack stack) {
        String topic = stack.uniqueName("missing");

        Inspect.Result result = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "describe", topic);

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.FAILED);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).containsExactly("inspect: topic '" + topic + "' does not exist");
    }
}
