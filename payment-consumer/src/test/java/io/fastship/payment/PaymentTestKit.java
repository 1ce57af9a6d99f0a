package io.fastship.payment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.fastship.events.LineItem;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.platform.config.Env;
import io.fastship.payment.gateway.PaymentGateway;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.EventTopics;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Writes orders and reads what the payment service committed, for the integration tests of one namespace. */
final class PaymentTestKit implements AutoCloseable {

    final KafkaStack stack;
    final String namespace;
    final PaymentTopics topics;
    private final KafkaClients clients;
    private final KafkaProducer<String, OrderCreated> orders;
    private final KafkaProducer<String, OrderStatusChanged> statuses;
    private final KafkaProducer<byte[], byte[]> raw;
    private final KafkaConsumer<String, byte[]> paymentsReader;
    private final KafkaConsumer<String, byte[]> dlqReader;
    private final Deserializer<PaymentEvent> events;
    private final List<PaymentEvent> seen = new ArrayList<>();
    /** Exit statuses the instances asked for under the runtime's failure policy. */
    final List<Integer> exits = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();

    PaymentTestKit(KafkaStack stack, int partitions) {
        this.stack = stack;
        this.namespace = stack.uniqueName("pay");
        KafkaConnection connection = KafkaConnection.of(stack.bootstrapServers(), stack.schemaRegistryUrl());
        this.clients = new KafkaClients(connection, "payment-it");
        this.topics = PaymentTopics.of(EventTopics.resolve(namespace, partitions, clients.registry(),
                connection.registryConfig()), Topics.inNamespace(namespace, PaymentServiceConfig.SERVICE_ID));
        this.orders = clients.producer("orders-" + namespace, Map.of());
        this.statuses = clients.producer("statuses-" + namespace, Map.of());
        this.raw = clients.bytesProducer("raw-" + namespace, Map.of());
        Map<String, Object> noGroup = new HashMap<>();
        noGroup.put("group.id", null);
        this.paymentsReader = clients.consumer(null, "payments-reader-" + namespace, noGroup);
        this.dlqReader = clients.consumer(null, "dlq-reader-" + namespace, noGroup);
        this.events = topics.payments().valueSerde().deserializer();
    }

    /** Env of a service instance in this namespace, plus test-specific variables. */
    Map<String, String> env(String instanceId, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
        env.put("TOPIC_NAMESPACE", namespace);
        env.put("TOPIC_PARTITIONS", Integer.toString(topics.orders().settings().partitions()));
        env.put("HTTP_PORT", "0");
        env.put("INSTANCE_ID", instanceId);
        // Under target/, not the default under /tmp: a build leaves nothing behind; a restart of the same
        // instance in this namespace finds its directory again.
        env.put("STATE_DIR", Path.of("target", "payment-state", namespace + "-" + instanceId).toAbsolutePath()
                .toString());
        env.put("PAYMENT_RETRY_INITIAL_BACKOFF", "10ms");
        env.put("PAYMENT_RETRY_MAX_BACKOFF", "50ms");
        env.put("PAYMENT_RETRY_BUDGET", "2s");
        env.put("PAYMENT_BATCH_DEADLINE", "2s");
        env.put("PAYMENT_TRANSACTION_TIMEOUT", "15s");
        env.putAll(extra);
        return env;
    }

    PaymentServiceConfig config(String instanceId, Map<String, String> extra) {
        return PaymentServiceConfig.fromEnv(new Env(env(instanceId, extra)));
    }

    /** Starts an instance in the test JVM; a fatal failure is recorded in {@link #exits} instead of ending it. */
    PaymentService start(PaymentServiceConfig config, PaymentGateway gateway) {
        return PaymentService.start(config, gateway, Tracing.propagatingOnly(), exits::add);
    }

    /** Starts an instance with the HTTP gateway its config names. */
    PaymentService start(PaymentServiceConfig config) {
        return start(config, PaymentService.httpGateway(config));
    }

    static OrderCreated order(String token, long totalMinor) {
        String orderId = UUID.randomUUID().toString();
        return OrderCreated.newBuilder().setEventId(UUID.randomUUID().toString()).setOrderId(orderId)
                .setCustomerId("c-1").setCreatedAt(Instant.now()).setCurrency("EUR")
                .setItems(List.of(LineItem.newBuilder().setSku("SKU-1").setQuantity(1).setUnitPriceMinor(totalMinor)
                        .build()))
                .setTotalMinor(totalMinor).setPaymentToken(token).build();
    }

    void send(OrderCreated order) throws Exception {
        orders.send(new ProducerRecord<>(topics.orders().name(), order.getOrderId(), order)).get(10, TimeUnit.SECONDS);
    }

    void cancel(String orderId, PaymentStatus paymentStatus) throws Exception {
        OrderStatusChanged cancelled = OrderStatusChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOrderId(orderId).setStatus(OrderStatus.CANCELLED).setReason("out of stock")
                .setPaymentStatus(paymentStatus).setOccurredAt(Instant.now()).build();
        statuses.send(new ProducerRecord<>(topics.orderStatus().name(), orderId, cancelled)).get(10, TimeUnit.SECONDS);
    }

    void sendRaw(String topic, String key, byte[] value) throws Exception {
        raw.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get(10, TimeUnit.SECONDS);
    }

    /** Every PaymentEvent a read_committed reader has seen so far (reads what arrived since the last call). */
    synchronized List<PaymentEvent> payments() {
        drain(paymentsReader, topics.payments().name(), record -> seen.add(events.deserialize(record.topic(),
                record.value())));
        return List.copyOf(seen);
    }

    List<PaymentEvent> paymentsFor(String orderId) {
        return payments().stream().filter(event -> event.getOrderId().equals(orderId)).toList();
    }

    synchronized List<ConsumerRecord<String, byte[]>> deadLetters() {
        drain(dlqReader, topics.deadLetter(), deadLetters::add);
        return List.copyOf(deadLetters);
    }

    private static void drain(KafkaConsumer<String, byte[]> reader, String topic,
                              java.util.function.Consumer<ConsumerRecord<String, byte[]>> sink) {
        if (reader.assignment().isEmpty()) {
            List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        }
        for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
            sink.accept(record);
        }
    }

    /**
     * Per partition of the payments topic, the end a read_committed reader may read to and the log end: a gap
     * that does not close is a transaction left open (for a failure message).
     */
    String paymentsEnds() throws Exception {
        try (Admin admin = clients.admin()) {
            String topic = topics.payments().name();
            int partitions = topics.payments().settings().partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResultInfo> stable = admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            StringBuilder ends = new StringBuilder();
            for (int partition = 0; partition < partitions; partition++) {
                TopicPartition key = new TopicPartition(topic, partition);
                ends.append(partition).append(": stable ").append(stable.get(key).offset()).append(", end ")
                        .append(end.get(key).offset()).append("; ");
            }
            return ends.toString();
        }
    }

    @Override
    public void close() throws Exception {
        orders.close(Duration.ofSeconds(5));
        statuses.close(Duration.ofSeconds(5));
        raw.close(Duration.ofSeconds(5));
        paymentsReader.close();
        dlqReader.close();
        clients.close();
    }
}
