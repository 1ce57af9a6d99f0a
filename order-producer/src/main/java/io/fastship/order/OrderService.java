package io.fastship.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastship.events.OrderCreated;
import io.fastship.order.catalog.CatalogReadModel;
import io.fastship.order.health.KafkaHealth;
import io.fastship.order.http.ApiKeyAuth;
import io.fastship.order.http.CreateOrderHandler;
import io.fastship.order.http.GetOrderHandler;
import io.fastship.order.http.OrderEventsHandler;
import io.fastship.order.http.OrderRoutes;
import io.fastship.order.intake.OrderIds;
import io.fastship.order.intake.OrderPricing;
import io.fastship.order.intake.OrderPublisher;
import io.fastship.order.query.OrderLocator;
import io.fastship.order.query.OrderQueries;
import io.fastship.order.query.OrderWatchers;
import io.fastship.order.query.RemoteOrders;
import io.fastship.order.view.OrderSaga;
import io.fastship.order.view.OrderTopology;
import io.fastship.order.view.OrderOutcomeMetrics;
import io.fastship.order.view.OrderViewListener;
import io.fastship.order.view.SagaSerdes;
import io.fastship.order.view.SagaTopics;
import io.fastship.platform.http.ServiceHttpServer;
import io.fastship.platform.http.ServiceMetrics;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.streams.DeadLetterHandlers;
import io.fastship.platform.streams.StreamsHealth;
import io.fastship.platform.streams.StreamsSettings;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole order service in one object: topics ensured, the saga's Streams topology, the order publisher and the
 * HTTP API, started in that order and closed in reverse (HTTP intake first, then the producer flushes, then
 * Streams leaves the group). Tests start several in one JVM; {@link OrderServiceMain} starts one per process.
 */
public final class OrderService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final OrderServiceConfig config;
    private final Closer closer;
    private final KafkaStreams streams;
    private final OrderWatchers watchers;
    private final ServiceHttpServer http;
    private final ServiceMetrics metrics;

    private OrderService(OrderServiceConfig config, Closer closer, KafkaStreams streams, OrderWatchers watchers,
                         ServiceHttpServer http, ServiceMetrics metrics) {
        this.config = config;
        this.closer = closer;
        this.streams = streams;
        this.watchers = watchers;
        this.http = http;
        this.metrics = metrics;
    }

    /** Starts propagating trace context without exporting spans; see {@link #start(OrderServiceConfig, Tracing)}. */
    public static OrderService start(OrderServiceConfig requested) {
        return start(requested, Tracing.propagatingOnly());
    }

    /**
     * Starts everything; on failure closes what was started and rethrows. Port 0 picks a free port. The tracing is
     * closed with the service, last, so the final spans are flushed.
     */
    public static OrderService start(OrderServiceConfig requested, Tracing tracing) {
        OrderServiceConfig config = requested.httpPort() == 0
                ? requested.withHttpPort(freePort(requested.httpHost())) : requested;
        String service = OrderServiceConfig.SERVICE_ID;
        Closer closer = new Closer();
        try {
            closer.register("tracing", tracing);
            ServiceMetrics metrics = closer.register("metrics", new ServiceMetrics(service));
            MeterRegistry registry = metrics.registry();
            KafkaClients clients = closer.register("kafka-clients", new KafkaClients(config.kafka(), service));
            SagaTopics topics = SagaTopics.inNamespace(config.topicNamespace());
            ensureTopics(clients, config);

            ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemon("order-timers"));
            // Finished waits cancel their timers; without this the cancelled timers would sit in the queue.
            scheduler.setRemoveOnCancelPolicy(true);
            closer.register("timers", scheduler::shutdownNow);
            ExecutorService notifier = Executors.newSingleThreadExecutor(daemon("order-watchers"));
            closer.register("watch-notifier", notifier::shutdownNow);
            ExecutorService httpClientPool = Executors.newFixedThreadPool(2, daemon("order-forwarding"));
            closer.register("forwarding-pool", httpClientPool::shutdownNow);
            OrderWatchers watchers = closer.register("watchers",
                    new OrderWatchers(scheduler, notifier, config.maxWaiters()));
            Gauge.builder("fastship.order.waiters", watchers, OrderWatchers::active)
                    .description("Requests waiting for an order to change (waitForFinal GETs, event streams)")
                    .register(registry);

            CatalogReadModel catalog = closer.register("catalog", CatalogReadModel.start(
                    Topics.CATALOG.inNamespace(config.topicNamespace()).name(), config.kafka().clientConfig(),
                    config.applicationId() + "-" + config.instanceId() + "-catalog",
                    clients.valueSerde(Topics.CATALOG).deserializer()));
            KafkaStreams streams = startStreams(config, clients, topics, watchers, registry, tracing, closer);

            Map<String, Object> producerOverrides = new java.util.HashMap<>(
                    OrderPublisher.boundedBy(config.publishTimeout()));
            passThroughCompression(config).ifPresent(type -> producerOverrides.put("compression.type", type));
            KafkaProducer<String, OrderCreated> producer = clients.producer(config.instanceId() + "-orders",
                    producerOverrides);
            KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
            producerMetrics.bindTo(registry);
            OrderPublisher publisher = closer.register("order-publisher",
                    new OrderPublisher(producer, topics.orders(), config.publishTimeout(), config.shutdownTimeout(),
                            tracing));
            closer.register("producer-metrics", producerMetrics);
            publisher.warmUp();

            KafkaHealth kafkaHealth = closer.register("kafka-health",
                    new KafkaHealth(clients.admin(), scheduler, Duration.ofSeconds(5), Duration.ofSeconds(3)));
            HostInfo self = new HostInfo(config.advertisedUrl().getHost(), config.advertisedUrl().getPort());
            OrderLocator locator = new OrderLocator(streams, self);
            ApiKeyAuth auth = new ApiKeyAuth(config.security());
            RemoteOrders remote = new RemoteOrders(httpClientPool, config.applicationServer(), auth.peerHeaders());
            OrderQueries queries = new OrderQueries(locator, watchers, remote, scheduler, config.queryRetry());

            CreateOrderHandler create = new CreateOrderHandler(publisher, queries, new OrderPricing(catalog),
                    new OrderIds(config.security().idSecret()), config.publishTimeout(), Clock.systemUTC(), registry,
                    tracing);
            GetOrderHandler get = new GetOrderHandler(queries, config.maxWait());
            OrderEventsHandler events = new OrderEventsHandler(locator, watchers, remote, scheduler, config.maxWait());
            ServiceHttpServer http = closer.register("http", ServiceHttpServer.start(service, config.httpHost(),
                    config.httpPort(), metrics, Map.of("kafka", kafkaHealth, "streams", new StreamsHealth(streams),
                            "catalog", catalog), routes -> OrderRoutes.register(routes, create, get, events, auth,
                            queries)));
            log.info("Order API authentication: {}", config.security());
            log.info("Order service {} up: http://{}:{} advertised as {}, topics in namespace '{}', deadline {}",
                    config.instanceId(), config.httpHost(), http.port(), config.advertisedUrl(),
                    config.topicNamespace(), config.orderDeadline());
            return new OrderService(config, closer, streams, watchers, http, metrics);
        } catch (RuntimeException e) {
            try {
                closer.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void ensureTopics(KafkaClients clients, OrderServiceConfig config) {
        List<TopicInitializer.Spec> specs = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            Topic<?> named = topic.inNamespace(config.topicNamespace());
            specs.add(new TopicInitializer.Spec(named.name(),
                    named.settings().withPartitions(config.topicPartitions())));
        }
        specs.add(new TopicInitializer.Spec(Topics.deadLetter(config.applicationId()),
                Topics.deadLetterSettings().withPartitions(config.topicPartitions())));
        try (Admin admin = clients.admin()) {
            new TopicInitializer(admin, ADMIN_TIMEOUT).ensure(specs);
        }
    }

    private static KafkaStreams startStreams(OrderServiceConfig config, KafkaClients clients, SagaTopics topics,
                                             OrderWatchers watchers, MeterRegistry registry, Tracing tracing,
                                             Closer closer) {
        SagaSerdes serdes = SagaSerdes.create(clients.registry(), config.kafka().registryConfig());
        OrderOutcomeMetrics outcomes = new OrderOutcomeMetrics(registry);
        OrderViewListener listener = (view, emitted) -> {
            outcomes.changed(view, emitted);
            watchers.changed(view, emitted);
        };
        var topology = OrderTopology.build(topics, serdes, new OrderSaga(config.orderDeadline()),
                config.deadlineScanInterval(), listener, new RecordObserver(tracing, registry, "order-saga",
                        config.applicationId(), Clock.systemUTC()));
        Map<String, Object> settings = StreamsSettings.exactlyOnce(config.applicationId(), config.kafka(),
                config.stateDir(), Optional.of(config.applicationServer()), config.standbyReplicas(),
                config.commitInterval());
        settings.put(StreamsConfig.CLIENT_ID_CONFIG, config.applicationId() + "-" + config.instanceId());
        DeadLetterHandlers.countInto(settings, registry);
        passThroughCompression(config).ifPresent(type ->
                settings.put(StreamsConfig.producerPrefix("compression.type"), type));
        KafkaStreams streams = new KafkaStreams(topology, new StreamsConfig(settings));
        streams.setUncaughtExceptionHandler(error -> {
            log.error("Streams thread died; replacing it", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.start();
        closer.register("streams", () -> {
            streamsMetrics.close();
            // Leave the group at once, so the partitions move to the other instances without waiting for a timeout.
            if (!streams.close(CloseOptions.timeout(config.shutdownTimeout())
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
                log.warn("Streams did not close within {}", config.shutdownTimeout());
            }
        });
        return streams;
    }

    /**
     * {@code KAFKA_CLIENT_COMPRESSION_TYPE}, if set. The platform's client and Streams defaults (lz4) are applied
     * after the pass-through settings, so without this the documented override would be ignored for compression.
     */
    private static Optional<String> passThroughCompression(OrderServiceConfig config) {
        return Optional.ofNullable(config.kafka().clientOverrides().get("compression.type"));
    }

    public OrderServiceConfig config() {
        return config;
    }

    /** The port HTTP listens on. */
    public int port() {
        return http.port();
    }

    /** Base URL of this instance's HTTP API. */
    public String baseUrl() {
        return "http://" + config.advertisedUrl().getHost() + ":" + http.port();
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    /** Requests currently waiting for an order (for tests and the metric). */
    public int activeWatchers() {
        return watchers.active();
    }

    public String scrapeMetrics() {
        return metrics.scrape();
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

}
