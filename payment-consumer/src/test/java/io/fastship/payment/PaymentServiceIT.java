package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.platform.deadletter.DeadLetterHeaders;
import io.fastship.platform.processing.LoopState;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One in-JVM payment service (KIP-848 consumer protocol, 4 threads) on the shared broker, in its own namespace. */
@WithKafkaStack
class PaymentServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PaymentTestKit kit;
    private static ScriptedGateway gateway;
    private static PaymentService service;

    @BeforeAll
    static void startService(KafkaStack stack) {
        kit = new PaymentTestKit(stack, 3);
        gateway = new ScriptedGateway();
        service = kit.start(kit.config("it-1", Map.of()), gateway);
        await().atMost(WAIT).until(() -> service.state() == LoopState.RUNNING);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void authorizesAnOrderOnceEvenWhenItsOrderCreatedArrivesTwice() throws Exception {
        OrderCreated order = PaymentTestKit.order("tok_visa", 12_345);

        kit.send(order);
        kit.send(order);
        PaymentEvent payment = await().atMost(WAIT).until(() -> kit.paymentsFor(order.getOrderId()), p -> !p.isEmpty())
                .get(0);
        // A later order on every partition has been processed, so the duplicate has been too.
        awaitProcessedAfter();

        assertThat(kit.paymentsFor(order.getOrderId())).hasSize(1);
        assertThat(payment.getStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(payment.getAmountMinor()).isEqualTo(12_345);
        assertThat(payment.getCurrency()).isEqualTo("EUR");
        assertThat(payment.getGatewayReference()).startsWith("ch_");
        assertThat(payment.getReason()).isNull();
        assertThat(gateway.simulated.captured()).containsEntry(order.getOrderId(), 12_345L);
        assertThat(gateway.authorizeCalls(order.getOrderId())).isEqualTo(1);
    }

    @Test
    void declinesTheDeclineTokenAndAmountsOverTheLimitWithTheReason() throws Exception {
        OrderCreated declinedCard = PaymentTestKit.order("tok_decline", 100);
        OrderCreated tooLarge = PaymentTestKit.order("tok_visa", ScriptedGateway.LIMIT + 1);
        OrderCreated atLimit = PaymentTestKit.order("tok_visa", ScriptedGateway.LIMIT);

        kit.send(declinedCard);
        kit.send(tooLarge);
        kit.send(atLimit);

        assertThat(single(declinedCard).getStatus()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(single(declinedCard).getReason()).contains("declined");
        assertThat(single(tooLarge).getStatus()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(single(tooLarge).getReason()).contains("exceeds the limit of " + ScriptedGateway.LIMIT);
        assertThat(single(atLimit).getStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void retriesTransientFailuresAndLetsAnOrderWaitWhileTheGatewayCannotSayInsteadOfDecliningIt() throws Exception {
        OrderCreated flaky = PaymentTestKit.order(ScriptedGateway.flaky(3), 500);
        OrderCreated down = PaymentTestKit.order(ScriptedGateway.DOWN, 500);

        kit.send(flaky);
        kit.send(down);

        assertThat(single(flaky).getStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(gateway.authorizeCalls(flaky.getOrderId())).isEqualTo(4);
        // Longer than the 2 s retry budget, after which the order used to be declined although it may be charged.
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> kit.paymentsFor(down.getOrderId()).isEmpty());
        assertThat(gateway.authorizeCalls(down.getOrderId())).isGreaterThan(1);
        gateway.recover();
        assertThat(single(down).getStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(metrics()).containsPattern("fastship_payment_gateway_retries_total\\{[^}]*} [1-9]");
        assertThat(metrics()).containsPattern("fastship_payment_gateway_waits_total\\{[^}]*} [1-9]");
    }

    @Test
    void deadLettersPoisonRecordsAndGoesOnWithTheNextOrder() throws Exception {
        String orders = kit.topics.orders().name();
        kit.sendRaw(orders, "not-avro", "{\"orderId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
        kit.sendRaw(orders, "unknown-schema", unknownSchema);
        OrderCreated good = PaymentTestKit.order("tok_visa", 700);
        kit.send(good);

        assertThat(single(good).getStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        List<ConsumerRecord<String, byte[]>> letters = await().atMost(WAIT).until(kit::deadLetters,
                l -> l.stream().filter(r -> List.of("not-avro", "unknown-schema").contains(r.key())).count() == 2);
        ConsumerRecord<String, byte[]> notAvro = letters.stream().filter(r -> "not-avro".equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(header(notAvro, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(orders);
        assertThat(header(notAvro, DeadLetterHeaders.ERROR_STAGE)).isEqualTo("deserialization");
        assertThat(header(notAvro, DeadLetterHeaders.SOURCE_PARTITION)).matches("\\d+");
        assertThat(header(notAvro, DeadLetterHeaders.SOURCE_OFFSET)).matches("\\d+");
        assertThat(header(notAvro, DeadLetterHeaders.ERROR_CLASS)).isNotBlank();
        assertThat(header(notAvro, DeadLetterHeaders.SERVICE)).isEqualTo(kit.topics.groupId());
        assertThat(notAvro.value()).isEqualTo("{\"orderId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> unknown = letters.stream().filter(r -> "unknown-schema".equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(header(unknown, DeadLetterHeaders.ERROR_MESSAGE)).contains("987654");
        assertThat(metrics()).containsPattern("fastship_dead_letters_total\\{[^}]*stage=\"deserialization\"[^}]*} [2-9]");
    }

    @Test
    void refundsACancelledAuthorizedOrderOnceAndClosesOrdersCancelledBeforePayment() throws Exception {
        OrderCreated paid = PaymentTestKit.order("tok_visa", 900);
        kit.send(paid);
        assertThat(single(paid).getStatus()).isEqualTo(PaymentStatus.AUTHORIZED);

        kit.cancel(paid.getOrderId(), PaymentStatus.AUTHORIZED);
        kit.cancel(paid.getOrderId(), PaymentStatus.AUTHORIZED);
        await().atMost(WAIT).until(() -> kit.paymentsFor(paid.getOrderId()).size() == 2);

        OrderCreated cancelledEarly = PaymentTestKit.order("tok_visa", 300);
        kit.cancel(cancelledEarly.getOrderId(), null);
        await().atMost(WAIT).until(() -> kit.paymentsFor(cancelledEarly.getOrderId()).size() == 1);
        kit.send(cancelledEarly);
        awaitProcessedAfter();

        List<PaymentEvent> events = kit.paymentsFor(paid.getOrderId());
        assertThat(events).extracting(PaymentEvent::getStatus)
                .containsExactly(PaymentStatus.AUTHORIZED, PaymentStatus.REFUNDED);
        assertThat(events.get(1).getAmountMinor()).isEqualTo(900);
        assertThat(events.get(1).getGatewayReference()).startsWith("re_");
        assertThat(gateway.simulated.captured()).doesNotContainKey(paid.getOrderId());
        assertThat(kit.paymentsFor(cancelledEarly.getOrderId())).singleElement()
                .satisfies(event -> assertThat(event.getReason()).startsWith("order cancelled before payment"));
        assertThat(gateway.authorizeCalls(cancelledEarly.getOrderId())).isZero();
    }

    @Test
    void reportsHealthAndMetricsOverHttp() throws Exception {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("RUNNING");
        assertThat(metrics()).contains("fastship_consumer_lag_records").contains("fastship_transactions_total")
                .containsPattern("fastship_state_entries\\{[^}]*store=\"payment-outcomes\"[^}]*} [0-9]");
    }

    /** Sends one order per partition and waits for all: everything produced before them has been processed. */
    private static void awaitProcessedAfter() throws Exception {
        List<OrderCreated> markers = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            OrderCreated marker = PaymentTestKit.order("tok_visa", 1);
            markers.add(marker);
            kit.send(marker);
        }
        await().atMost(WAIT).until(() -> markers.stream().allMatch(m -> !kit.paymentsFor(m.getOrderId()).isEmpty()));
    }

    private static PaymentEvent single(OrderCreated order) {
        return await().atMost(WAIT).until(() -> kit.paymentsFor(order.getOrderId()), p -> !p.isEmpty()).get(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String metrics() throws Exception {
        return get("/metrics").body();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
