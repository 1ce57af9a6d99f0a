package io.fastship.inspector;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.schemas.serde.AvroSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records the integration tests put on the real broker, written the way the services write them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static OrderCreated order(String orderId, long unitPrice) {
        List<LineItem> items = List.of(new LineItem("SKU-0001", 2, unitPrice), new LineItem("SKU-0002", 1, 250L));
        return OrderCreated.newBuilder().setEventId(UUID.randomUUID().toString()).setOrderId(orderId)
                .setCustomerId("customer-" + orderId).setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCurrency("EUR").setItems(items).setTotalMinor(2 * unitPrice + 250L).setPaymentToken("tok_visa")
                .build();
    }

    /** Sends orders keyed by order id with the project's Avro serde, with extra serde settings if any. */
    public static void sendOrders(KafkaStack stack, String topic, List<OrderCreated> orders,
            Map<String, Object> serdeSettings) throws Exception {
        Map<String, Object> registry = new HashMap<>(serdeSettings);
        registry.put("schema.registry.url", stack.schemaRegistryUrl());
        try (Serde<OrderCreated> serde = AvroSerdes.specific(OrderCreated.class, registry, false);
             KafkaProducer<String, OrderCreated> producer = new KafkaProducer<>(stack.clientConfig(),
                     new StringSerializer(), serde.serializer())) {
            for (OrderCreated order : orders) {
                ProducerRecord<String, OrderCreated> record = new ProducerRecord<>(topic, order.getOrderId(), order);
                record.headers().add("trace-id", ("trace-" + order.getOrderId()).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }

    /** A producer of raw bytes with idempotence, for text, binary and transactional records. */
    public static KafkaProducer<byte[], byte[]> bytesProducer(KafkaStack stack, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(stack.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putAll(overrides);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends text records with the given keys and values to one partition. */
    public static void sendText(KafkaStack stack, String topic, int partition, int count) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = bytesProducer(stack, Map.of())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, utf8("k-" + partition + "-" + i),
                        utf8("v-" + partition + "-" + i))).get();
            }
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
