package io.fastship.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import io.fastship.bench.baseline.ProducerPerformanceResult;
import io.fastship.bench.baseline.ProducerPerformanceRun;
import io.fastship.bench.baseline.RecordSizeProbe;
import io.fastship.bench.flow.FinalStatuses;
import io.fastship.bench.flow.GroupMembers;
import io.fastship.bench.flow.PaymentCounter;
import io.fastship.bench.flow.TopicTail;
import io.fastship.bench.intake.IntakeResult;
import io.fastship.bench.intake.OrderRequests;
import io.fastship.bench.intake.OrderSubmitter;
import io.fastship.bench.progress.Progress;
import io.fastship.bench.report.BaselinePhase;
import io.fastship.bench.report.BenchReport;
import io.fastship.bench.report.EndToEndPhase;
import io.fastship.bench.report.IntakePhase;
import io.fastship.bench.report.MachineInfo;
import io.fastship.bench.report.ScalingPhase;
import io.fastship.bench.stack.ExternalStack;
import io.fastship.bench.stack.OwnedStack;
import io.fastship.bench.stack.StackDirectories;
import io.fastship.bench.stack.StackHandle;
import io.fastship.bench.stack.StockSeeder;
import io.fastship.bench.stats.Rates;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.broker.BrokerClasspath;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One benchmark run, phase by phase: warm-up, baseline, intake with end-to-end tracking, payment scaling, memory.
 * A stack the bench starts for the scaling phase is a second one, because the gateway latency is fixed per
 * service process and the first phases measure the flow without it.
 */
final class BenchRun {

    private static final int CATALOG_SKUS = 100;
    private static final String PAYMENT_LATENCY_ENV = "PAYMENT_GATEWAY_LATENCY_MS";
    private static final Duration GROUP_SETTLE = Duration.ofMinutes(2);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final BenchSettings settings;
    private final Progress progress;
    private final OrderRequests requests = new OrderRequests(CATALOG_SKUS, UUID.randomUUID().toString().substring(0, 8));
    private final List<String> notes = new ArrayList<>();
    private final List<BenchReport.MemorySnapshot> memory = new ArrayList<>();
    private long nextOrder;

    BenchRun(BenchSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    BenchReport run() throws Exception {
        long started = System.nanoTime();
        String startedAt = Instant.now().toString();
        BaselinePhase baseline = null;
        IntakePhase intake = null;
        EndToEndPhase endToEnd = null;
        ScalingPhase scaling = null;
        String description;
        try (StackHandle stack = mainStack()) {
            description = stack.description();
            try (KafkaClients clients = clients(stack); Admin admin = clients.admin()) {
                seedIfAsked(stack, clients, settings.warmupOrders() + settings.orders()
                        + (settings.ownsStack() ? 0 : scalingOrdersTotal()));
                FinalStatuses finals = new FinalStatuses();
                try (TopicTail<OrderStatusChanged> tail = TopicTail.start(clients,
                        Topics.ORDER_STATUS.inNamespace(stack.topicNamespace()), finals);
                     OrderSubmitter submitter = submitter(stack)) {
                    if (settings.warmupOrders() > 0) {
                        progress.note("Warm-up: " + settings.warmupOrders() + " orders");
                        IntakeResult warm = submit(submitter, "warm-up", settings.warmupOrders());
                        awaitFinals(finals, warm.submitNanos().keySet(), "warm-up final");
                    }
                    if (!settings.skipBaseline()) {
                        baseline = baseline(stack, clients, admin);
                    }
                    progress.note("Intake: " + settings.orders() + " orders at concurrency " + settings.concurrency());
                    IntakeResult result = submit(submitter, "intake", settings.orders());
                    awaitFinals(finals, result.submitNanos().keySet(), "end to end");
                    tail.checkHealthy();
                    intake = intakePhase(result, baseline);
                    endToEnd = EndToEndPhase.of(result.submitNanos(), finals.snapshot(), finals.duplicates());
                }
                memory.add(new BenchReport.MemorySnapshot("after intake and end to end", stack.memory()));
                if (!settings.skipScaling() && !settings.ownsStack()) {
                    if (stack.canScale()) {
                        notes.add("scaling ran on the existing stack with its own gateway latency;"
                                + " --gateway-latency-ms applies only to a stack the bench starts");
                        scaling = scaling(stack, clients, admin, -1);
                        memory.add(new BenchReport.MemorySnapshot("after scaling", stack.memory()));
                    } else {
                        notes.add("scaling skipped: an existing stack can be scaled only with --stack-dir");
                    }
                }
            }
        }
        if (!settings.skipScaling() && settings.ownsStack()) {
            try (StackHandle stack = scalingStack(); KafkaClients clients = clients(stack); Admin admin = clients.admin()) {
                seedIfAsked(stack, clients, scalingOrdersTotal());
                scaling = scaling(stack, clients, admin, settings.gatewayLatencyMs());
                memory.add(new BenchReport.MemorySnapshot("scaling stack, at the end", stack.memory()));
            }
        }
        return new BenchReport(startedAt, MachineInfo.current(), description, settings.orders(), settings.concurrency(),
                baseline, intake, endToEnd, scaling, memory, notes, (System.nanoTime() - started) / 1e9);
    }

    private StackHandle mainStack() {
        return settings.existing().<StackHandle>map(e -> new ExternalStack(e.bootstrapServers(), e.schemaRegistryUrl(),
                e.orderServiceUrl(), e.topicNamespace(), e.stackDir(), e.brokerPid())).orElseGet(() -> {
                    Map<String, String> env = new HashMap<>();
                    env.put(PAYMENT_LATENCY_ENV, "0");
                    env.putAll(settings.serviceEnv());
                    return startStack("main", env, 1, "local stack started by the bench: 1 order, 1 payment, "
                            + "1 inventory instance, " + settings.partitions() + " partitions, gateway latency "
                            + env.get(PAYMENT_LATENCY_ENV) + " ms" + tuning());
                });
    }

    private StackHandle scalingStack() {
        Map<String, String> env = new HashMap<>(settings.serviceEnv());
        env.put(PAYMENT_LATENCY_ENV, Integer.toString(settings.gatewayLatencyMs()));
        return startStack("scaling", env, 0, "scaling");
    }

    private String tuning() {
        return settings.serviceEnv().isEmpty() ? "" : ", service env " + new java.util.TreeMap<>(settings.serviceEnv());
    }

    private StackHandle startStack(String name, Map<String, String> env, int paymentInstances, String description) {
        progress.note("Starting a local stack (" + name + "): broker, registry, services...");
        Map<ServiceKind, Integer> instances = Map.of(ServiceKind.ORDER, 1, ServiceKind.PAYMENT, paymentInstances,
                ServiceKind.INVENTORY, 1);
        long units = 2 * requests.unitsPerSku(settings.warmupOrders() + settings.orders() + scalingOrdersTotal()) + 1000;
        LocalStackOptions options = new LocalStackOptions(settings.repositoryRoot(),
                StackDirectories.fresh(settings.dataDir().resolve(name)), false, settings.partitions(), instances, env,
                Optional.empty(), CATALOG_SKUS, units);
        long started = System.nanoTime();
        OwnedStack stack = OwnedStack.start(options, description);
        progress.note(String.format(java.util.Locale.ROOT, "Stack (%s) up in %.1f s; logs in %s", name,
                (System.nanoTime() - started) / 1e9, options.dataDir().resolve("logs")));
        return stack;
    }

    private long scalingOrdersTotal() {
        return settings.skipScaling() ? 0 : settings.scalingOrders() * settings.scalingSteps().size();
    }

    private static KafkaClients clients(StackHandle stack) {
        return new KafkaClients(KafkaConnection.of(stack.bootstrapServers(), stack.schemaRegistryUrl()), "bench");
    }

    private OrderSubmitter submitter(StackHandle stack) {
        return new OrderSubmitter(stack.orderServiceUrl(), settings.apiKey(), settings.concurrency());
    }

    private void seedIfAsked(StackHandle stack, KafkaClients clients, long orders) {
        if (settings.seedStock()) {
            long units = 2 * requests.unitsPerSku(orders) + 1000;
            StockSeeder.set(clients, Topics.STOCK.inNamespace(stack.topicNamespace()), CATALOG_SKUS, units);
            progress.note("Stock of " + OrderRequests.sku(1) + ".." + OrderRequests.sku(CATALOG_SKUS) + " set to "
                    + units + " units");
        }
    }

    private IntakeResult submit(OrderSubmitter submitter, String label, long count) throws InterruptedException {
        progress.start(label, count, submitter::completed);
        try {
            IntakeResult result = submitter.submit(requests, nextOrder, count);
            nextOrder += count;
            if (result.accepted() < result.submitted()) {
                progress.note(label + ": " + (result.submitted() - result.accepted()) + " of " + result.submitted()
                        + " not accepted; first: " + result.firstFailure());
            }
            return result;
        } finally {
            progress.stop();
        }
    }

    private void awaitFinals(FinalStatuses finals, Set<String> orderIds, String label) throws InterruptedException {
        LongSupplier done = () -> orderIds.stream().filter(id -> finals.of(id).isPresent()).count();
        awaitCount(label, orderIds.size(), done);
    }

    /** Waits, bounded by --final-timeout, until {@code done} reaches {@code total}. */
    private boolean awaitCount(String label, long total, LongSupplier done) throws InterruptedException {
        progress.start(label, total, done);
        try {
            long deadline = System.nanoTime() + settings.finalTimeout().toNanos();
            while (done.getAsLong() < total) {
                if (System.nanoTime() > deadline) {
                    progress.note(label + ": gave up after " + settings.finalTimeout() + " with "
                            + (total - done.getAsLong()) + " of " + total + " still missing");
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            return true;
        } finally {
            progress.stop();
        }
    }

    private BaselinePhase baseline(StackHandle stack, KafkaClients clients, Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        String ordersTopic = Topics.ORDERS.inNamespace(stack.topicNamespace()).name();
        OptionalInt measured = RecordSizeProbe.newestValueSize(clients, Topics.ORDERS.inNamespace(stack.topicNamespace()));
        int recordSize = measured.orElseThrow(() -> new IllegalStateException(
                "no OrderCreated on " + ordersTopic + " to measure; run with --warmup > 0"));
        int partitions = admin.describeTopics(List.of(ordersTopic)).allTopicNames()
                .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(ordersTopic).partitions().size();
        String topic = (stack.topicNamespace().isBlank() ? "" : stack.topicNamespace() + ".") + "bench-baseline-"
                + requests.runId();
        admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Map<String, String> props = ProducerPerformanceRun.Spec.durableProducer();
        progress.note("Baseline: Kafka ProducerPerformance, " + settings.baselineRecords() + " records of "
                + recordSize + " B (a serialized OrderCreated) on " + partitions + " partitions, " + props);
        try {
            ProducerPerformanceResult result = ProducerPerformanceRun.run(BrokerClasspath.resolve(),
                    new ProducerPerformanceRun.Spec(stack.bootstrapServers(), topic, settings.baselineRecords(),
                            recordSize, props), Duration.ofMinutes(10), line -> progress.note("  " + line));
            return new BaselinePhase(recordSize, partitions, props, result);
        } finally {
            admin.deleteTopics(List.of(topic)).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private IntakePhase intakePhase(IntakeResult result, BaselinePhase baseline) {
        double perSec = Rates.perSecond(result.accepted(), result.elapsedNanos());
        double ratio = baseline == null ? 0 : Rates.ratio(perSec, baseline.result().recordsPerSec());
        return new IntakePhase(settings.concurrency(), result.submitted(), result.accepted(), result.rejected(),
                result.failed(), result.firstFailure(), result.elapsedNanos() / 1e9, perSec, result.latency(), ratio);
    }

    private ScalingPhase scaling(StackHandle stack, KafkaClients clients, Admin admin, int latencyMs) throws Exception {
        String namespace = stack.topicNamespace();
        String groupId = namespace.isBlank() ? "payment-service" : namespace + ".payment-service";
        String paymentsTopic = Topics.PAYMENTS.inNamespace(namespace).name();
        int partitions = admin.describeTopics(List.of(Topics.ORDERS.inNamespace(namespace).name())).allTopicNames()
                .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).values().iterator().next().partitions().size();
        PaymentCounter counter = new PaymentCounter();
        List<ScalingPhase.Step> steps = new ArrayList<>();
        try (TopicTail<PaymentEvent> tail = TopicTail.start(clients, Topics.PAYMENTS.inNamespace(namespace), counter);
             OrderSubmitter submitter = submitter(stack)) {
            for (int instances : settings.scalingSteps()) {
                // A backlog first, then the instances: the drain rate is the payment service's pace alone,
                // not the pace at which the bench can place orders.
                stack.scale(ServiceKind.PAYMENT, 0);
                counter.reset();
                IntakeResult result = submit(submitter, "backlog", settings.scalingOrders());
                progress.note("Scaling: " + instances + " payment instance(s) drain " + result.accepted() + " orders");
                stack.scale(ServiceKind.PAYMENT, instances);
                GroupMembers.await(admin, groupId, instances, GROUP_SETTLE);
                counter.startWindow();
                awaitCount("payments", result.accepted(), counter::count);
                tail.checkHealthy();
                double rate = counter.perSecond();
                double speedUp = steps.isEmpty() ? 1.0 : Rates.ratio(rate, steps.get(0).paymentsPerSec());
                steps.add(new ScalingPhase.Step(instances, counter.windowCount(), rate, speedUp));
                progress.note(String.format(java.util.Locale.ROOT,
                        "  %d instance(s): %.0f payments/s on %s (%d of %d paced after the group settled)",
                        instances, rate, paymentsTopic, counter.windowCount(), counter.count()));
            }
        }
        return new ScalingPhase(latencyMs, partitions, (int) settings.scalingOrders(), steps);
    }
}
