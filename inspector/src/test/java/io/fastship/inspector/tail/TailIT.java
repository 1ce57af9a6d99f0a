package io.fastship.inspector.tail;

import static io.fastship.inspector.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.inspector.Fixtures;
import io.fastship.inspector.Inspect;
import io.fastship.inspector.InspectorCommand;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@WithKafkaStack
class TailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldPrintTheProjectsEventsAsTheJsonOfWhatWasProduced(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tail-orders");
        stack.createTopic(topic, 1);
        List<OrderCreated> orders = List.of(Fixtures.order("o-1", 100), Fixtures.order("o-2", 1999));
        Fixtures.sendOrders(stack, topic, orders, Map.of());

        Inspect.Result result = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--from-beginning");

        assertThat(result.exitCode()).as(result.err()).isZero();
        int registeredId = registeredId(stack, topic + "-value");
        assertThat(result.outLines()).hasSize(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            JsonNode line = JSON.readTree(result.outLines().get(i));
            OrderCreated order = orders.get(i);
            assertThat(line.get("partition").asInt()).isZero();
            assertThat(line.get("offset").asLong()).isEqualTo(i);
            assertThat(Instant.parse(line.get("timestamp").asText())).isNotNull();
            assertThat(line.get("key").asText()).isEqualTo(order.getOrderId());
            assertThat(line.get("headers").get("trace-id").asText()).isEqualTo("trace-" + order.getOrderId());
            assertThat(line.get("schemaId").asInt()).isEqualTo(registeredId);
            assertThat(line.get("value").toString()).isEqualTo(expectedJson(order).toString());
            assertThat(line.has("error")).isFalse();
        }
    }

    @Test
    void shouldFilterByKeyAndStopAfterMax(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tail-filter");
        stack.createTopic(topic, 2);
        Fixtures.sendOrders(stack, topic, List.of(Fixtures.order("a", 1), Fixtures.order("b", 2),
                Fixtures.order("c", 3), Fixtures.order("b", 4)), Map.of());

        Inspect.Result byKey = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--from-beginning", "--key", "b");
        Inspect.Result limited = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--from-beginning", "--max", "3");

        assertThat(byKey.exitCode()).as(byKey.err()).isZero();
        assertThat(byKey.outLines()).hasSize(2).allSatisfy(line ->
                assertThat(JSON.readTree(line).get("key").asText()).isEqualTo("b"));
        assertThat(limited.outLines()).hasSize(3);
    }

    @Test
    void shouldShowTextAsTextAndBinaryAsHexFromAnOffsetInOnePartition(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tail-raw");
        stack.createTopic(topic, 2);
        try (KafkaProducer<byte[], byte[]> producer = Fixtures.bytesProducer(stack, Map.of())) {
            producer.send(new ProducerRecord<>(topic, 1, null, utf8("first"))).get();
            producer.send(new ProducerRecord<>(topic, 1, utf8("k"), utf8("plain text"))).get();
            producer.send(new ProducerRecord<>(topic, 1, null, new byte[] {(byte) 0xff, 0x00, 0x10})).get();
            producer.send(new ProducerRecord<>(topic, 0, null, utf8("other partition"))).get();
        }

        Inspect.Result result = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--partition", "1", "--offset", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(2);
        JsonNode text = JSON.readTree(result.outLines().get(0));
        JsonNode binary = JSON.readTree(result.outLines().get(1));
        assertThat(text.get("offset").asLong()).isEqualTo(1);
        assertThat(text.get("key").asText()).isEqualTo("k");
        assertThat(text.get("value").asText()).isEqualTo("plain text");
        assertThat(text.get("schemaId").isNull()).isTrue();
        assertThat(binary.get("key").isNull()).isTrue();
        assertThat(binary.get("value").asText()).isEqualTo("ff0010");
    }

    @Test
    void shouldShowOnlyTheLastRecordsOfEachPartitionByDefault(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tail-last");
        stack.createTopic(topic, 1);
        Fixtures.sendText(stack, topic, 0, 12);

        Inspect.Result byDefault = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(), "tail", topic);
        Inspect.Result lastTwo = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--last", "2");

        assertThat(byDefault.outLines()).hasSize(10);
        assertThat(JSON.readTree(byDefault.outLines().get(0)).get("offset").asLong()).isEqualTo(2);
        assertThat(lastTwo.outLines()).extracting(line -> JSON.readTree(line).get("value").asText())
                .containsExactly("v-0-10", "v-0-11");
    }

    @Test
    void shouldStartAtRecordsYoungerThanSince(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tail-since");
        stack.createTopic(topic, 1);
        long hourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        try (KafkaProducer<byte[], byte[]> producer = Fixtures.bytesProducer(stack, Map.of())) {
            producer.send(new ProducerRecord<>(topic, 0, hourAgo, null, utf8("old"))).get();
            producer.send(new ProducerRecord<>(topic, 0, null, utf8("new"))).get();
        }

        Inspect.Result result = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--since", "10m");

        assertThat(result.outLines()).extracting(line -> JSON.readTree(line).get("value").asText())
                .containsExactly("new");
    }

    @Test
    void shouldHideAbortedTransactionsUnlessAskedToReadUncommitted(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tail-tx");
        stack.createTopic(topic, 1);
        try (KafkaProducer<byte[], byte[]> producer = Fixtures.bytesProducer(stack,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, stack.uniqueName("tx")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, utf8("aborted")));
            // Flushed first, so the aborted record is really in the log (abort drops unsent batches).
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, utf8("committed")));
            producer.commitTransaction();
        }

        Inspect.Result committed = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--from-beginning");
        Inspect.Result everything = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(),
                "tail", topic, "--from-beginning", "--isolation", "read_uncommitted");

        assertThat(committed.exitCode()).as(committed.err()).isZero();
        assertThat(committed.outLines()).extracting(line -> JSON.readTree(line).get("value").asText())
                .containsExactly("committed");
        assertThat(everything.outLines()).extracting(line -> JSON.readTree(line).get("value").asText())
                .containsExactly("aborted", "committed");
    }

    @Test
    void shouldFollowRecordsProducedAfterItStartedUntilMax(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("tail-follow");
        stack.createTopic(topic, 1);
        Fixtures.sendText(stack, topic, 0, 3);

        // --last 0 begins at the end: whatever it prints was produced after it started.
        CompletableFuture<Inspect.Result> following = CompletableFuture.supplyAsync(() -> Inspect.against(
                stack.bootstrapServers(), stack.schemaRegistryUrl(), "tail", topic, "--follow", "--last", "0",
                "--max", "2"));
        try (KafkaProducer<byte[], byte[]> producer = Fixtures.bytesProducer(stack, Map.of())) {
            // Keeps producing until the tail has seen enough: it may begin after any of these.
            for (int i = 0; !following.isDone() && i < 300; i++) {
                producer.send(new ProducerRecord<>(topic, utf8("later-" + i))).get();
                try {
                    following.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillFollowing) {
                    // Not enough records seen yet: send another.
                }
            }
        }
        Inspect.Result result = following.get(30, TimeUnit.SECONDS);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(2).allSatisfy(line -> {
            JsonNode record = JSON.readTree(line);
            assertThat(record.get("value").asText()).startsWith("later-");
            assertThat(record.get("offset").asLong()).isGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void shouldSayInOneLineThatAnUnknownTopicDoesNotExist(KafkaStack stack) {
        String topic = stack.uniqueName("tail-missing");

        Inspect.Result result = Inspect.against(stack.bootstrapServers(), stack.schemaRegistryUrl(), "tail", topic);

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.FAILED);
        assertThat(result.errLines()).containsExactly("inspect: topic '" + topic + "' does not exist");
    }

    private static int registeredId(KafkaStack stack, String subject) {
        try (SchemaRegistryClient client = AvroSerdes.client(Map.of("schema.registry.url", stack.schemaRegistryUrl()))) {
            return client.getLatestVersion(subject).id();
        }
    }

    /** What the order is in JSON: field order of the schema, timestamps as ISO instants. */
    private static ObjectNode expectedJson(OrderCreated order) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventId", order.getEventId());
        node.put("orderId", order.getOrderId());
        node.put("customerId", order.getCustomerId());
        node.put("createdAt", order.getCreatedAt().toString());
        node.put("currency", order.getCurrency());
        ArrayNode items = node.putArray("items");
        for (LineItem item : order.getItems()) {
            items.addObject().put("sku", item.getSku()).put("quantity", item.getQuantity())
                    .put("unitPriceMinor", item.getUnitPriceMinor());
        }
        node.put("totalMinor", order.getTotalMinor());
        node.put("paymentToken", order.getPaymentToken());
        return node;
    }
}
