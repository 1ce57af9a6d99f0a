package io.fastship.console;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.schemas.Topics;
import io.fastship.schemas.serde.AvroSerdes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The events of one order as the services write them (Avro in the Confluent wire format through the schemas
 * module's serde, keyed by orderId, with a traceparent), in topics of a test namespace.
 */
final class FlowEvents implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final KafkaStack stack;
    private final String namespace;
    private final Map<String, Object> registry;

    FlowEvents(KafkaStack stack, String namespace) {
        this.stack = stack;
        this.namespace = namespace;
        this.registry = Map.of("schema.registry.url", stack.schemaRegistryUrl());
    }

    String topic(String name) {
        return namespace + "." + name;
    }

    void createTopics() {
        for (String name : List.of(Topics.ORDERS.name(), Topics.PAYMENTS.name(), Topics.INVENTORY.name(),
                Topics.ORDER_STATUS.name(), "payment-service.dlq")) {
            stack.createTopic(topic(name), PARTITIONS);
        }
    }

    /** OrderCreated, PaymentEvent AUTHORIZED and OrderStatusChanged CONFIRMED, one trace through them. */
    String placeOrder() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String traceparent = "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01";
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        send(Topics.ORDERS.name(), OrderCreated.class, orderId, traceparent, OrderCreated.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOrderId(orderId).setCustomerId("c-1").setCreatedAt(now)
                .setCurrency("EUR").setItems(List.of(new LineItem("SKU-0001", 2, 1999L))).setTotalMinor(3998L)
                .setPaymentToken("tok_visa").build());
        send(Topics.PAYMENTS.name(), PaymentEvent.class, orderId, traceparent, PaymentEvent.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOrderId(orderId).setStatus(PaymentStatus.AUTHORIZED)
                .setAmountMinor(3998L).setCurrency("EUR").setGatewayReference("ch_1").setOccurredAt(now.plusMillis(5))
                .build());
        send(Topics.ORDER_STATUS.name(), OrderStatusChanged.class, orderId, traceparent, OrderStatusChanged
                .newBuilder().setEventId(UUID.randomUUID().toString()).setOrderId(orderId)
                .setStatus(OrderStatus.CONFIRMED).setPaymentStatus(PaymentStatus.AUTHORIZED)
                .setOccurredAt(now.plusMillis(10)).build());
        return orderId;
    }

    /** A dead letter as the platform writes one: the original bytes and key, the reason in dlq.* headers. */
    void deadLetter(String orderId, String errorClass, String message) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic("payment-service.dlq"), null,
                    utf8(orderId), utf8("not avro"));
            record.headers().add("dlq.error.class", utf8(errorClass)).add("dlq.error.message", utf8(message))
                    .add("dlq.source.topic", utf8(topic("orders"))).add("dlq.source.partition", utf8("0"))
                    .add("dlq.source.offset", utf8("7")).add("dlq.service", utf8("payment-service"));
            producer.send(record).get();
        }
    }

    /** Plain text records to the orders topic, as load. */
    void load(int records) throws Exception {
        load(records, "orders");
    }

    /** Plain text records to each of these topics, as load. */
    void load(int records, String... names) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                for (String name : names) {
                    producer.send(new ProducerRecord<>(topic(name), utf8("load-" + i), utf8("load")));
                }
            }
            producer.flush();
        }
    }

    private <T extends SpecificRecord> void send(String name, Class<T> type, String key, String traceparent, T value)
            throws Exception {
        try (Serde<T> serde = AvroSerdes.specific(type, registry, false);
             KafkaProducer<String, T> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                     serde.serializer())) {
            ProducerRecord<String, T> record = new ProducerRecord<>(topic(name), key, value);
            record.headers().add("traceparent", utf8(traceparent));
            producer.send(record).get();
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(stack.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // Producers are per call; nothing stays open.
    }
}
