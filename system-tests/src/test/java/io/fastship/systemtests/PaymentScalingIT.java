package io.fastship.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.localstack.LocalStack;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.ServiceProcess;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Payment instances share the partitions, and losing one to kill -9 loses nothing and duplicates nothing. */
@ExtendWith(SystemStack.class)
class PaymentScalingIT {

    private static final Duration ALL_FINAL = Duration.ofMinutes(4);
    private static final String PAYMENT_GROUP = "payment-service";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fourHundredOrdersOnThreePaymentInstancesAllReachAFinalStatusAndEveryInstanceWorks(LocalStack stack) {
        scalePaymentsTo(stack, 3);
        List<ServiceProcess> payments = stack.instances(ServiceKind.PAYMENT);
        Map<String, Double> processedBefore = processedByInstance(payments);

        List<String> orderIds = orders(stack).placeAll(bodies("scale", 400), 16);

        Map<String, List<OrderStatus>> statuses = awaitFinalStatuses(stack, Set.copyOf(orderIds));
        assertThat(statuses.values()).allSatisfy(s -> assertThat(s).containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED));
        Map<String, Double> processedAfter = processedByInstance(payments);
        assertThat(payments).allSatisfy(instance -> assertThat(processedAfter.get(instance.name()))
                .as("orders processed by %s", instance.name())
                .isGreaterThan(processedBefore.get(instance.name())));
    }

    @Test
    void killingAPaymentInstanceMidStreamLosesNoOrderAndDuplicatesNoStatus(LocalStack stack) throws Exception {
        scalePaymentsTo(stack, 3);
        ServiceProcess victim = stack.instances(ServiceKind.PAYMENT).get(0);
        double victimBefore = processedByInstance(List.of(victim)).get(victim.name());
        Orders orders = orders(stack);

        CompletableFuture<List<String>> submitted = CompletableFuture.supplyAsync(() -> orders.placeAll(bodies("crash", 400), 4));
        await().atMost(ALL_FINAL).until(() -> processedByInstance(List.of(victim)).get(victim.name()) >= victimBefore + 10);
        victim.kill();
        stack.forget(victim);
        List<String> orderIds = submitted.get(ALL_FINAL.toSeconds(), TimeUnit.SECONDS);

        Map<String, List<OrderStatus>> statuses = awaitFinalStatuses(stack, Set.copyOf(orderIds));
        assertThat(statuses.values()).allSatisfy(s -> assertThat(s).containsExactly(OrderStatus.PENDING, OrderStatus.CONFIRMED));
        try (var paymentEvents = new TopicRecords<>(stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.PAYMENTS)) {
            Set<String> ours = Set.copyOf(orderIds);
            await().atMost(ALL_FINAL).until(() -> paymentEvents.poll().stream()
                    .map(PaymentEvent::getOrderId).filter(ours::contains).distinct().count() == ours.size());
            Map<String, Long> perOrder = paymentEvents.poll().stream().map(PaymentEvent::getOrderId).filter(ours::contains)
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            assertThat(perOrder).hasSize(400).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
        }
    }

    /** Every OrderStatusChanged of each order, in order, once every order has a final one. */
    private static Map<String, List<OrderStatus>> awaitFinalStatuses(LocalStack stack, Set<String> orderIds) {
        try (var statuses = new TopicRecords<>(stack.bootstrapServers(), stack.schemaRegistryUrl(), Topics.ORDER_STATUS)) {
            await().atMost(ALL_FINAL).pollInterval(Duration.ofMillis(200)).until(() -> statuses.poll().stream()
                    .filter(s -> orderIds.contains(s.getOrderId()) && s.getStatus() != OrderStatus.PENDING)
                    .map(OrderStatusChanged::getOrderId).distinct().count() == orderIds.size());
            // A last poll: a duplicate committed right after the last final status would show here.
            statuses.poll();
            Map<String, List<OrderStatus>> byOrder = new HashMap<>();
            statuses.poll().stream().filter(s -> orderIds.contains(s.getOrderId()))
                    .forEach(s -> byOrder.computeIfAbsent(s.getOrderId(), k -> new java.util.ArrayList<>()).add(s.getStatus()));
            return byOrder;
        }
    }

    private static void scalePaymentsTo(LocalStack stack, int instances) {
        stack.scale(ServiceKind.PAYMENT, instances);
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", stack.bootstrapServers()))) {
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(PAYMENT_GROUP))
                        .describedGroups().get(PAYMENT_GROUP).get(10, TimeUnit.SECONDS);
                return group.members().size() == instances && group.members().stream()
                        .map(MemberDescription::assignment).noneMatch(a -> a.topicPartitions().isEmpty());
            });
        }
    }

    private Map<String, Double> processedByInstance(List<ServiceProcess> instances) {
        Map<String, Double> processed = new HashMap<>();
        for (ServiceProcess instance : instances) {
            processed.put(instance.name(), Metrics.sum(http, instance.baseUrl(), "fastship_payments_processed_total"));
        }
        return processed;
    }

    // SKU-0001..0010 are OrderFlowIT's, which shares the stack: it reprices SKU-0003 and checks SKU-0002's stock.
    private static List<String> bodies(String customer, int count) {
        return IntStream.range(0, count).mapToObj(i -> Orders.body(customer + "-" + i, "tok_visa",
                String.format("SKU-%04d", 11 + ThreadLocalRandom.current().nextInt(90)), 1, 1999)).toList();
    }

    private static Orders orders(LocalStack stack) {
        return new Orders(stack.instances(ServiceKind.ORDER).get(0).baseUrl());
    }
}
