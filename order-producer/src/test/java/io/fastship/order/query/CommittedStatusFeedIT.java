package io.fastship.order.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.order.view.OrderView;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Against a real broker: a status written in a transaction that aborts (as a fenced or failed saga task's is) never
 * wakes a waiter and never becomes what {@code GET} shows; the one written in the next, committed transaction does.
 */
@WithKafkaStack
class CommittedStatusFeedIT {

    @Test
    void shouldNeverTellAClientAStatusOfAnAbortedTransaction(KafkaStack stack) throws Exception {
        String topic = stack.uniqueName("order-status");
        stack.createTopic(topic, 2);
        CommittedStatuses statuses = new CommittedStatuses(Duration.ofMinutes(2));
        List<String> woken = new CopyOnWriteArrayList<>();
        KafkaClients clients = new KafkaClients(KafkaConnection.of(stack.bootstrapServers(),
                stack.schemaRegistryUrl()), "committed-feed-it");
        Serde<OrderStatusChanged> values = clients.valueSerde(Topics.ORDER_STATUS);

        try (CommittedStatusFeed feed = new CommittedStatusFeed(clients.consumer(stack.uniqueName("group"),
                "committed-feed-it", Map.of()), values.deserializer(), topic, statuses, (orderId, status) -> woken.add(orderId),
                Clock.systemUTC()).start();
             KafkaProducer<String, OrderStatusChanged> producer = transactional(stack, values)) {
            producer.initTransactions();
            // The feed assigns itself asynchronously (at the end of an empty topic): write until it reads.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "o-warmup", encode("o-warmup", OrderStatus.PENDING)));
                producer.commitTransaction();
                return woken.contains("o-warmup");
            });
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "o-aborted", encode("o-aborted", OrderStatus.CONFIRMED))).get();
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "o-committed", encode("o-committed", OrderStatus.CONFIRMED)))
                    .get();
            producer.commitTransaction();

            // The committed one comes through; by then the aborted one, written before it, would have too.
            await().atMost(Duration.ofSeconds(60)).until(() -> woken.contains("o-committed"));
        }

        assertThat(woken).doesNotContain("o-aborted").endsWith("o-committed");
        Instant now = Instant.now();
        OrderView aborted = OrderView.empty("o-aborted").toBuilder().status(OrderStatus.CONFIRMED).updatedAt(now)
                .finalAt(now).build();
        assertThat(statuses.visible(aborted, now).status()).as("what GET shows").isEqualTo(OrderStatus.PENDING);
        OrderView committed = OrderView.empty("o-committed").toBuilder().status(OrderStatus.CONFIRMED).updatedAt(now)
                .finalAt(now).build();
        assertThat(statuses.visible(committed, now).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    private static KafkaProducer<String, OrderStatusChanged> transactional(KafkaStack stack,
                                                                           Serde<OrderStatusChanged> values) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, stack.uniqueName("saga-tx")),
                new StringSerializer(), values.serializer());
    }

    private static OrderStatusChanged encode(String orderId, OrderStatus status) {
        return OrderStatusChanged.newBuilder().setEventId(orderId + "-1").setOrderId(orderId)
                .setStatus(status).setOccurredAt(Instant.now()).build();
    }
}
