package io.fastship.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.schemas.registry.InMemorySchemaRegistryClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The serde with the project's real generated events: nested records, arrays and logical types. */
class GeneratedEventSerdeTest {

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    static OrderCreated order() {
        return OrderCreated.newBuilder()
                .setEventId("e-1").setOrderId("o-1").setCustomerId("c-1")
                .setCreatedAt(Instant.ofEpochMilli(1_760_000_000_000L))
                .setCurrency("EUR")
                .setItems(List.of(LineItem.newBuilder().setSku("SKU-0001").setQuantity(2).setUnitPriceMinor(1250).build()))
                .setTotalMinor(2500)
                .setPaymentToken("tok")
                .build();
    }

    @Test
    void generatedEventRoundTripsThroughTheFactorySerde() {
        Serde<OrderCreated> serde = AvroSerdes.specific(OrderCreated.class, registry, Map.of(), false);

        OrderCreated back = serde.deserializer().deserialize("orders",
                serde.serializer().serialize("orders", order()));

        assertThat(back).isEqualTo(order());
        assertThat(back.getItems().get(0)).isInstanceOf(LineItem.class);
        assertThat(back.getCreatedAt()).isEqualTo(Instant.ofEpochMilli(1_760_000_000_000L));
    }

    @Test
    void genericReaderSeesTheSameBytesAsPlainRecords() {
        byte[] framed = AvroSerdes.specific(OrderCreated.class, registry, Map.of(), false).serializer()
                .serialize("orders", order());

        GenericRecord back = AvroSerdes.generic(registry, Map.of(), false).deserializer().deserialize("orders", framed);

        assertThat(back.get("orderId")).hasToString("o-1");
        assertThat(back.get("createdAt")).isEqualTo(1_760_000_000_000L);
    }
}
