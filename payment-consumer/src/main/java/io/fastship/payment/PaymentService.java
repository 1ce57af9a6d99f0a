package io.fastship.payment;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fastship.events.PaymentEvent;
import io.fastship.payment.gateway.GatewayDecisions;
import io.fastship.payment.gateway.GatewayRetrier;
import io.fastship.payment.gateway.HttpPaymentGateway;
import io.fastship.payment.gateway.PaymentGateway;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.platform.processing.LoopSettings;
import io.fastship.platform.processing.LoopState;
import io.fastship.platform.processing.TransactionalLoop;
import io.fastship.platform.runtime.FatalExit;
import io.fastship.platform.runtime.ServiceRuntime;
import io.fastship.platform.state.StateEntries;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.Tracing;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment service on the platform runtime: its outcome changelog, the transactional loop over orders and
 * order-status, and the gateway. The runtime creates the topics, watches the loop under its failure policy and
 * closes HTTP, then the loop (which commits or aborts its batch and leaves the group), then the rest.
 */
public final class PaymentService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    /** The name of the outcome store in {@code fastship_state_entries}. */
    public static final String OUTCOMES_STORE = "payment-outcomes";

    private final ServiceRuntime runtime;
    private final PaymentTopics topics;
    private final TransactionalLoop loop;
    private final PaymentOutcomes outcomes;

    private PaymentService(ServiceRuntime runtime, PaymentTopics topics, TransactionalLoop loop,
                           PaymentOutcomes outcomes) {
        this.runtime = runtime;
        this.topics = topics;
        this.loop = loop;
        this.outcomes = outcomes;
    }

    /** Starts with {@code gateway}, which the service closes with itself; port 0 picks a free HTTP port. */
    public static PaymentService start(PaymentServiceConfig config, PaymentGateway gateway, Tracing tracing,
                                       FatalExit exit) {
        return ServiceRuntime.start(PaymentServiceConfig.SERVICE_ID, config.service(), tracing, exit, runtime -> {
            runtime.own("gateway", gateway);
            return wire(config, gateway, runtime);
        });
    }

    /** The HTTP client of the payment gateway the config names. */
    public static PaymentGateway httpGateway(PaymentServiceConfig config) {
        return new HttpPaymentGateway(config.gatewayUrl(), config.gatewayTimeout(), config.gatewayTimeout());
    }

    private static PaymentService wire(PaymentServiceConfig config, PaymentGateway gateway, ServiceRuntime runtime) {
        PaymentTopics topics = PaymentTopics.of(runtime.topics(), config.groupId(),
                config.service().stateRetention());
        runtime.createTopics(List.of(topics.outcomes()));
        runtime.withTopicAdmin(admin -> checkCoPartitioned(admin, topics));
        KafkaClients clients = runtime.clients();
        Serde<PaymentEvent> events = topics.payments().valueSerde();
        PaymentMetrics paymentMetrics = new PaymentMetrics(runtime.metrics());
        Clock clock = Clock.systemUTC();
        Admin restoreAdmin = runtime.own("restore-admin", clients.admin());
        OutcomeRestorer restorer = runtime.own("outcome-restorer", new OutcomeRestorer(
                clients.consumer(null, config.service().instanceId() + "-restore", withoutGroup()),
                ChangelogOffsets.of(restoreAdmin, ServiceRuntime.ADMIN_TIMEOUT), topics.outcomes().name(),
                events.deserializer(), config.restoreTimeout()));
        PaymentOutcomes outcomes = runtime.own("payment-outcomes", new PaymentOutcomes(config.stateDir(),
                config.service().stateRetention(), clock));
        GatewayRetrier retrier = new GatewayRetrier(config.retryBackoff(), config.retryBudget(), clock, Sleeper.SYSTEM,
                paymentMetrics::retried);
        PaymentProcessor processor = new PaymentProcessor(new PaymentCodecs(topics,
                topics.orders().valueSerde().deserializer(), topics.orderStatus().valueSerde().deserializer(),
                events.serializer()),
                new GatewayDecisions(gateway, retrier, paymentMetrics.decisionListener()), outcomes, restorer,
                paymentMetrics, clock,
                new RecordObserver(runtime.tracing(), runtime.metrics(), "payment-processor", topics.groupId(), clock));

        KafkaConsumer<String, byte[]> consumer = clients.consumer(topics.groupId(), config.service().instanceId(),
                consumerOverrides(config));
        Map<String, Object> producerOverrides = new HashMap<>();
        producerOverrides.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        producerOverrides.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
        LoopSettings settings = LoopSettings.defaults(topics.groupId(),
                        List.of(topics.orders().name(), topics.orderStatus().name()), config.taskGrouping())
                .withParallelism(config.processingThreads())
                .withBatchLimits(config.batchDeadline(), config.batchTimeout());
        TransactionalLoop loop = runtime.runLoop(new TransactionalLoop(settings, consumer,
                () -> clients.bytesProducer(config.transactionalId(), producerOverrides), processor,
                runtime.metrics(), clock));
        runtime.metrics().gauge("fastship_payment_outcomes_known", outcomes, PaymentOutcomes::size);
        StateEntries.gauge(runtime.metrics(), OUTCOMES_STORE, outcomes::size);
        log.info("Payment service {} started: group {}, protocol {}, {} thread(s) {}, transactional id {}",
                config.service().instanceId(), topics.groupId(), config.groupProtocol(), config.processingThreads(),
                config.taskGrouping(), config.transactionalId());
        return new PaymentService(runtime, topics, loop, outcomes);
    }

    private static Map<String, Object> consumerOverrides(PaymentServiceConfig config) {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, config.groupProtocol());
        // Range keeps partition n of orders and order-status on one instance, where the state of partition n is.
        if (config.groupProtocol().equals("consumer")) {
            overrides.put(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG, "range");
        } else {
            overrides.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        }
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        overrides.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) config.maxPollInterval().toMillis());
        return overrides;
    }

    private static Map<String, Object> withoutGroup() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(ConsumerConfig.GROUP_ID_CONFIG, null);
        return overrides;
    }

    /** The state of partition n lives where partition n of both inputs is processed: all three must match. */
    private static void checkCoPartitioned(TopicInitializer admin, PaymentTopics topics) {
        Set<String> names = Set.of(topics.orders().name(), topics.orderStatus().name(), topics.outcomes().name());
        Map<String, Integer> counts = admin.partitionCounts(names);
        if (Set.copyOf(counts.values()).size() != 1) {
            throw new IllegalStateException("topics must have equal partition counts for payment state to be "
                    + "co-partitioned, but have " + counts);
        }
    }

    public PaymentTopics topics() {
        return topics;
    }

    public LoopState state() {
        return loop.state();
    }

    /** Completes when the loop failed for good (see {@link TransactionalLoop#failed()}): the process must exit. */
    public java.util.concurrent.CompletableFuture<Throwable> failure() {
        return loop.failed();
    }

    /** Orders this instance knows an outcome for (in the partitions it owns). */
    public int knownOutcomes() {
        return Math.toIntExact(outcomes.size());
    }

    public int httpPort() {
        return runtime.port();
    }

    @Override
    public void close() throws Exception {
        runtime.close();
    }
}
