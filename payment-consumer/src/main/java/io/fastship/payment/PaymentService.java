package io.fastship.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.payment.gateway.GatewayDecisions;
import io.fastship.payment.gateway.GatewayRetrier;
import io.fastship.payment.gateway.HttpPaymentGateway;
import io.fastship.payment.gateway.PaymentGateway;
import io.fastship.platform.http.Health;
import io.fastship.platform.http.ServiceHttpServer;
import io.fastship.platform.http.ServiceMetrics;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.processing.LoopSettings;
import io.fastship.platform.processing.LoopState;
import io.fastship.platform.processing.TransactionalLoop;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment service wired up: topics ensured and checked, the transactional loop over orders and order-status,
 * the gateway, and HTTP ({@code /health}, {@code /metrics}). {@link #start} returns a running service; closing it
 * stops HTTP, then the loop (which commits or aborts its batch and leaves the group), then the rest.
 */
public final class PaymentService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Closer closer;
    private final PaymentTopics topics;
    private final TransactionalLoop loop;
    private final PaymentOutcomes outcomes;
    private final ServiceHttpServer http;

    private PaymentService(Closer closer, PaymentTopics topics, TransactionalLoop loop, PaymentOutcomes outcomes,
                           ServiceHttpServer http) {
        this.closer = closer;
        this.topics = topics;
        this.loop = loop;
        this.outcomes = outcomes;
        this.http = http;
    }

    /** Starts with the HTTP gateway the config names, propagating trace context without exporting. */
    public static PaymentService start(PaymentServiceConfig config) {
        return start(config, Tracing.propagatingOnly());
    }

    /** Starts with the HTTP gateway the config names and the given tracing, which it closes with itself. */
    public static PaymentService start(PaymentServiceConfig config, Tracing tracing) {
        return start(config, new HttpPaymentGateway(config.gatewayUrl(), config.gatewayTimeout(),
                config.gatewayTimeout()), tracing);
    }

    /** Starts with the given gateway, which the service closes with itself. */
    public static PaymentService start(PaymentServiceConfig config, PaymentGateway gateway) {
        return start(config, gateway, Tracing.propagatingOnly());
    }

    /** Starts with the given gateway and tracing, both closed with the service (tracing last, to flush spans). */
    public static PaymentService start(PaymentServiceConfig config, PaymentGateway gateway, Tracing tracing) {
        Closer closer = new Closer();
        try {
            closer.register("tracing", tracing);
            return wire(config, gateway, tracing, closer);
        } catch (RuntimeException e) {
            try {
                closer.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static PaymentService wire(PaymentServiceConfig config, PaymentGateway gateway, Tracing tracing,
                                       Closer closer) {
        PaymentTopics topics = PaymentTopics.in(config.namespace(), config.topicPartitions());
        ServiceMetrics metrics = closer.register("metrics", new ServiceMetrics(PaymentTopics.SERVICE_ID));
        KafkaClients clients = closer.register("kafka-clients",
                new KafkaClients(config.connection(), PaymentTopics.SERVICE_ID));
        try (Admin admin = clients.admin()) {
            ensureTopics(admin, topics, config.topicPartitions());
            checkCoPartitioned(admin, topics);
        }
        closer.register("gateway", gateway);
        Serde<PaymentEvent> events = clients.valueSerde(topics.payments());
        Serde<OrderCreated> orders = clients.valueSerde(topics.orders());
        Serde<OrderStatusChanged> statuses = clients.valueSerde(topics.orderStatus());
        PaymentMetrics paymentMetrics = new PaymentMetrics(metrics.registry());
        Clock clock = Clock.systemUTC();
        Admin restoreAdmin = closer.register("restore-admin", clients.admin());
        OutcomeRestorer restorer = closer.register("outcome-restorer", new OutcomeRestorer(
                clients.consumer(null, config.instanceId() + "-restore", withoutGroup()),
                ChangelogOffsets.of(restoreAdmin, ADMIN_TIMEOUT), topics.outcomes().name(), events.deserializer(),
                config.restoreTimeout()));
        PaymentOutcomes outcomes = new PaymentOutcomes();
        GatewayRetrier retrier = new GatewayRetrier(config.retryBackoff(), config.retryBudget(), clock, Sleeper.SYSTEM,
                paymentMetrics::retried);
        PaymentProcessor processor = new PaymentProcessor(new PaymentCodecs(topics, orders.deserializer(),
                statuses.deserializer(), events.serializer()),
                new GatewayDecisions(gateway, retrier, paymentMetrics.decisionListener()), outcomes, restorer,
                paymentMetrics, clock,
                new RecordObserver(tracing, metrics.registry(), "payment-processor", topics.groupId(), clock));

        KafkaConsumer<String, byte[]> consumer = clients.consumer(topics.groupId(), config.instanceId(),
                consumerOverrides(config));
        Map<String, Object> producerOverrides = new HashMap<>();
        producerOverrides.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId(topics));
        producerOverrides.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.transactionTimeout().toMillis());
        LoopSettings settings = LoopSettings.defaults(topics.groupId(),
                        List.of(topics.orders().name(), topics.orderStatus().name()), config.taskGrouping())
                .withParallelism(config.processingThreads())
                .withBatchLimits(config.batchDeadline(), config.batchTimeout());
        TransactionalLoop loop = closer.register("loop", new TransactionalLoop(settings, consumer,
                () -> clients.bytesProducer(config.transactionalId(topics), producerOverrides), processor,
                metrics.registry(), clock)).start();
        metrics.registry().gauge("fastship_payment_outcomes_known", outcomes, PaymentOutcomes::size);

        ServiceHttpServer http = closer.register("http", ServiceHttpServer.start(PaymentTopics.SERVICE_ID,
                config.httpHost(), config.httpPort(), metrics, Map.of("kafka", () -> health(loop)),
                ServiceHttpServer.noRoutes()));
        log.info("Payment service {} started: group {}, protocol {}, {} thread(s) {}, transactional id {}",
                config.instanceId(), topics.groupId(), config.groupProtocol(), config.processingThreads(),
                config.taskGrouping(),
                config.transactionalId(topics));
        return new PaymentService(closer, topics, loop, outcomes, http);
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

    private static void ensureTopics(Admin admin, PaymentTopics topics, int partitions) {
        List<TopicInitializer.Spec> specs = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            Topic<?> named = topic.inNamespace(namespaceOf(topics));
            specs.add(new TopicInitializer.Spec(named.name(), named.settings().withPartitions(partitions)));
        }
        specs.add(new TopicInitializer.Spec(topics.deadLetter(), Topics.deadLetterSettings().withPartitions(partitions)));
        specs.add(new TopicInitializer.Spec(topics.outcomes().name(), topics.outcomes().settings()));
        new TopicInitializer(admin, ADMIN_TIMEOUT).ensure(specs);
    }

    private static String namespaceOf(PaymentTopics topics) {
        String name = topics.orders().name();
        return name.equals(Topics.ORDERS.name()) ? "" : name.substring(0, name.length() - Topics.ORDERS.name().length() - 1);
    }

    /** The state of partition n lives where partition n of both inputs is processed: all three must match. */
    private static void checkCoPartitioned(Admin admin, PaymentTopics topics) {
        Set<String> names = Set.of(topics.orders().name(), topics.orderStatus().name(), topics.outcomes().name());
        Map<String, Integer> counts = new TopicInitializer(admin, ADMIN_TIMEOUT).partitionCounts(names);
        if (Set.copyOf(counts.values()).size() != 1) {
            throw new IllegalStateException("topics must have equal partition counts for payment state to be "
                    + "co-partitioned, but have " + counts);
        }
    }

    private static Health health(TransactionalLoop loop) {
        LoopState state = loop.state();
        String detail = state + ", " + loop.assignedPartitions() + " partition(s), lag " + loop.lag();
        if (state == LoopState.RUNNING || state == LoopState.STARTING) {
            return state == LoopState.RUNNING ? Health.up(detail) : Health.down(detail);
        }
        Throwable failure = loop.failure();
        return Health.down(failure == null ? detail : detail + ": " + failure);
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
        return outcomes.size();
    }

    public int httpPort() {
        return http.port();
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
