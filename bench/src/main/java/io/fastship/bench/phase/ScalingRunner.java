package io.fastship.bench.phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.fastship.bench.flow.GroupMembers;
import io.fastship.bench.flow.PaymentCounter;
import io.fastship.bench.flow.TopicTail;
import io.fastship.bench.report.ScalingPhase;
import io.fastship.bench.stats.Rates;
import io.fastship.events.PaymentEvent;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;

/** Payment throughput with 1, 2, 4... instances draining the same backlog on the same partitions. */
public final class ScalingRunner {

    private static final Duration GROUP_SETTLE = Duration.ofMinutes(2);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private ScalingRunner() {
    }

    public static ScalingPhase run(PhaseContext context, KafkaClients clients, List<Integer> instanceSteps,
                                   long ordersPerStep, int concurrency, int latencyMs) throws Exception {
        String namespace = context.stack().topicNamespace();
        String groupId = namespace.isBlank() ? "payment-service" : namespace + ".payment-service";
        Admin admin = context.admin();
        int partitions = admin.describeTopics(List.of(Topics.ORDERS.inNamespace(namespace).name())).allTopicNames()
                .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).values().iterator().next().partitions().size();
        PaymentCounter counter = new PaymentCounter();
        List<ScalingPhase.Step> steps = new ArrayList<>();
        try (TopicTail<PaymentEvent> tail = TopicTail.start(clients, Topics.PAYMENTS.inNamespace(namespace), counter)) {
            for (int instances : instanceSteps) {
                // A backlog first, then the instances: the drain rate is the payment service's pace alone,
                // not the pace at which the bench can place orders.
                context.stack().scale(ServiceKind.PAYMENT, 0);
                counter.reset();
                long accepted = context.flow().placeClosed("backlog", ordersPerStep, concurrency).load().accepted();
                context.progress().note("Scaling: " + instances + " payment instance(s) drain " + accepted + " orders");
                context.stack().scale(ServiceKind.PAYMENT, instances);
                GroupMembers.await(admin, groupId, instances, GROUP_SETTLE);
                counter.startWindow();
                OrderFlow.awaitCount(context.progress(), "payments", accepted, counter::count,
                        context.finalTimeout());
                tail.checkHealthy();
                double rate = counter.perSecond();
                double speedUp = steps.isEmpty() ? 1.0 : Rates.ratio(rate, steps.get(0).paymentsPerSec());
                steps.add(new ScalingPhase.Step(instances, counter.windowCount(), rate, speedUp));
                context.progress().note(String.format(Locale.ROOT,
                        "  %d instance(s): %.0f payments/s (%d of %d paced after the group settled)",
                        instances, rate, counter.windowCount(), counter.count()));
            }
        }
        return new ScalingPhase(latencyMs, partitions, (int) ordersPerStep, steps);
    }
}
