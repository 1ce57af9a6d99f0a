package io.fastship.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.schemas.registry.InMemorySchemaRegistryClient;
import org.junit.jupiter.api.Test;

class EventTopicsTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final Map<String, Object> config = Map.of("schema.registry.url", "http://unused:8081");

    @Test
    void shouldPrefixEveryNameWithTheNamespaceAndApplyThePartitionCount() {
        EventTopics topics = EventTopics.resolve("staging", 3, registry, config);

        assertThat(topics.all()).extracting(TypedTopic::name)
                .containsExactly("staging.orders", "staging.payments", "staging.inventory", "staging.order-status",
                        "staging.stock", "staging.catalog");
        assertThat(topics.all()).extracting(topic -> topic.settings().partitions()).containsOnly(3);
        assertThat(topics.stock().settings().cleanup()).isEqualTo(TopicSettings.Cleanup.COMPACT);
    }

    @Test
    void shouldKeepTheRegistryNamesWithoutANamespace() {
        EventTopics topics = EventTopics.resolve("", TopicSettings.DEFAULT_PARTITIONS, registry, config);

        assertThat(topics.all()).extracting(TypedTopic::name)
                .containsExactlyElementsOf(Topics.all().stream().map(Topic::name).toList());
    }

    @Test
    void shouldCarryValueSerdesThatRoundTripThroughTheSharedRegistry() {
        TypedTopic<String, OrderStatusChanged> status = EventTopics.resolve("", 1, registry, config).orderStatus();
        OrderStatusChanged event = OrderStatusChanged.newBuilder().setEventId("e-1").setOrderId("o-1")
                .setStatus(OrderStatus.CONFIRMED).setReason(null).setPaymentStatus(null).setInventoryStatus(null)
                .setOccurredAt(java.time.Instant.ofEpochMilli(1_000)).build();

        byte[] bytes = status.valueSerde().serializer().serialize(status.name(), event);

        assertThat(bytes[0]).isZero();
        assertThat(status.valueSerde().deserializer().deserialize(status.name(), bytes)).isEqualTo(event);
        assertThat(status.keySerde().deserializer().deserialize(status.name(),
                status.keySerde().serializer().serialize(status.name(), "o-1"))).isEqualTo("o-1");
    }

    @Test
    void shouldNameTheDeadLetterTopicAfterTheService() {
        TypedTopic<byte[], byte[]> dlq = Topics.deadLetterTopic(Topics.inNamespace("ns", "payment-service"), 4);

        assertThat(dlq.name()).isEqualTo("ns.payment-service.dlq");
        assertThat(dlq.settings().partitions()).isEqualTo(4);
    }
}
