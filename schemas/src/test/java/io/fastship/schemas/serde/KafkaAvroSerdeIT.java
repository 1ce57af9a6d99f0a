package io.fastship.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastship.events.OrderCreated;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.schemas.registry.RestSchemaRegistryClient;
import io.fastship.schemas.registry.SchemaRegistryConfig;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A record produced with our serializer through a real broker, read back by a plain consumer. */
@WithKafkaStack
class KafkaAvroSerdeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void producedEventIsReadBackAndFramedOnTheWire(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("orders");
        stack.createTopic(topic, 1);
        OrderCreated sent = GeneratedEventSerdeTest.order();

        Map<String, Object> producerConfig = new HashMap<>(stack.clientConfig());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        producerConfig.put(SchemaRegistryConfig.URL, stack.schemaRegistryUrl());
        try (KafkaProducer<String, OrderCreated> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, sent.getOrderId(), sent)).get();
        }

        Map<String, Object> consumerConfig = consumerConfig(stack, KafkaAvroDeserializer.class);
        consumerConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        List<ConsumerRecord<String, Object>> decoded = consumeOne(consumerConfig, topic);
        assertThat(decoded).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("o-1");
            assertThat(record.value()).isInstanceOf(OrderCreated.class).isEqualTo(sent);
        });

        List<ConsumerRecord<String, Object>> raw = consumeOne(consumerConfig(stack, ByteArrayDeserializer.class), topic);
        byte[] bytes = (byte[]) raw.get(0).value();
        try (RestSchemaRegistryClient client =
                new RestSchemaRegistryClient(SchemaRegistryConfig.forUrl(stack.schemaRegistryUrl()))) {
            int registeredId = client.getLatestVersion(topic + "-value").id();
            assertThat(bytes[0]).isZero();
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        }
    }

    @Test
    void factorySerdeRoundTripsThroughTheBroker(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("orders-serde");
        stack.createTopic(topic, 1);
        Map<String, Object> registry = Map.of(SchemaRegistryConfig.URL, stack.schemaRegistryUrl());
        OrderCreated sent = GeneratedEventSerdeTest.order();
        // Not newBuilder(copy): generated deep copies hit Avro 1.12's class trust list before any reader trusts them.
        sent.setCreatedAt(Instant.ofEpochMilli(42));

        try (var serde = AvroSerdes.specific(OrderCreated.class, registry, false)) {
            try (KafkaProducer<String, OrderCreated> producer = new KafkaProducer<>(stack.clientConfig(),
                    new StringSerializer(), serde.serializer())) {
                producer.send(new ProducerRecord<>(topic, "k", sent)).get();
            }
            Map<String, Object> consumerConfig = consumerConfig(stack, ByteArrayDeserializer.class);
            try (KafkaConsumer<String, OrderCreated> consumer = new KafkaConsumer<>(consumerConfig,
                    new StringDeserializer(), serde.deserializer())) {
                consumer.subscribe(List.of(topic));
                List<OrderCreated> values = new ArrayList<>();
                long until = System.nanoTime() + DEADLINE.toNanos();
                while (values.isEmpty() && System.nanoTime() < until) {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                }
                assertThat(values).containsExactly(sent);
            }
        }
    }

    private static Map<String, Object> consumerConfig(KafkaStack stack, Class<?> valueDeserializer) {
        Map<String, Object> config = new HashMap<>(stack.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, stack.uniqueName("group"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        config.put(SchemaRegistryConfig.URL, stack.schemaRegistryUrl());
        return config;
    }

    private static List<ConsumerRecord<String, Object>> consumeOne(Map<String, Object> config, String topic) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + DEADLINE.toNanos();
            while (records.isEmpty() && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
