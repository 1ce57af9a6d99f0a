package io.fastship.order;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fastship.events.OrderCreated;
import io.fastship.order.catalog.CatalogReadModel;
import io.fastship.order.health.KafkaHealth;
import io.fastship.order.http.ApiKeyAuth;
import io.fastship.order.http.CreateOrderHandler;
import io.fastship.order.http.GetOrderHandler;
import io.fastship.order.http.OrderEventsHandler;
import io.fastship.order.http.OrderRoutes;
import io.fastship.order.intake.OpenOrders;
import io.fastship.order.intake.OrderIds;
import io.fastship.order.intake.OrderPricing;
import io.fastship.order.intake.OrderPublisher;
import io.fastship.order.query.CommittedStatusFeed;
import io.fastship.order.query.CommittedStatuses;
import io.fastship.order.query.OrderLocator;
import io.fastship.order.query.OrderQueries;
import io.fastship.order.query.OrderWatchers;
import io.fastship.order.query.RemoteOrders;
import io.fastship.order.view.OrderOutcomeMetrics;
import io.fastship.order.view.OrderSaga;
import io.fastship.order.view.OrderTopology;
import io.fastship.order.view.OrderView;
import io.fastship.order.view.OrderViewSerde;
import io.fastship.platform.runtime.FatalExit;
import io.fastship.platform.runtime.ServiceRuntime;
import io.fastship.platform.state.StateEntries;
import io.fastship.platform.streams.StreamsOptions;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.Tracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The order service on the platform runtime: the saga's Streams topology, the order publisher and the HTTP API
 * ({@code POST /orders}, {@code GET /orders/{id}}, its event stream). The runtime creates the topics, runs Streams
 * under its failure policy and closes everything in reverse (HTTP intake first, then the producer flushes, then
 * Streams leaves the group). Tests start several in one JVM; {@link OrderServiceMain} starts one per process.
 */
public final class OrderService implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderService.class);

    /** Views changed more recently than this show only committed statuses (Streams' EOS transactions end sooner). */
    private static final Duration COMMITTED_WINDOW = Duration.ofMinutes(2);

    private final OrderServiceConfig config;
    private final ServiceRuntime runtime;
    private final KafkaStreams streams;
    private final OrderWatchers watchers;

    private OrderService(OrderServiceConfig config, ServiceRuntime runtime, KafkaStreams streams,
                         OrderWatchers watchers) {
        this.config = config;
        this.runtime = runtime;
        this.streams = streams;
        this.watchers = watchers;
    }

    /** Starts the service; on failure closes what was started and rethrows. Port 0 picks a free port. */
    public static OrderService start(OrderServiceConfig config, Tracing tracing, FatalExit exit) {
        return ServiceRuntime.start(OrderServiceConfig.SERVICE_ID, config.service(), tracing, exit,
                runtime -> wire(config.withService(runtime.settings()), runtime));
    }

    private static OrderService wire(OrderServiceConfig config, ServiceRuntime runtime) {
        OrderThreads threads = runtime.own("order-threads", new OrderThreads());
        OrderWatchers watchers = runtime.own("watchers",
                new OrderWatchers(threads.timers(), threads.notifier(), config.maxWaiters()));
        Gauge.builder("fastship.order.waiters", watchers, OrderWatchers::active)
                .description("Requests waiting for an order to change (waitForFinal GETs, event streams)")
                .register(runtime.metrics());
        KafkaStreams streams = runtime.runStreams(topology(config, runtime), new StreamsOptions(
                config.stateDir(), config.standbyReplicas(), config.commitInterval(), 1));
        StateEntries.gauges(runtime.metrics(), streams, OrderTopology.STORES);
        OrderPublisher publisher = publisher(config, runtime, threads);
        // Not ready until the whole catalog is read, so the first order after start never fails for an unknown SKU.
        CatalogReadModel catalog = runtime.own("catalog", CatalogReadModel.start(runtime.topics().catalog().name(),
                config.service().kafka().clientConfig(),
                runtime.applicationId() + "-" + config.service().instanceId() + "-catalog",
                runtime.topics().catalog().valueSerde().deserializer()));
        runtime.health("catalog", catalog);

        runtime.health("kafka", runtime.own("kafka-health", new KafkaHealth(runtime.clients().admin(),
                threads.timers(), Duration.ofSeconds(5), Duration.ofSeconds(3))));
        HostInfo self = HostInfo.buildFromEndpoint(config.service().applicationServer());
        OrderLocator locator = new OrderLocator(streams, self, new CommittedStatuses(COMMITTED_WINDOW));
        OpenOrders open = new OpenOrders(config.orderDeadline(), config.maxOpenOrders(), System::currentTimeMillis);
        Gauge.builder("fastship.orders.open", open, OpenOrders::open)
                .description("Orders accepted here without a committed final status yet (admission control)")
                .register(runtime.metrics());
        runtime.own("committed-statuses", committedStatusFeed(config, runtime, locator, watchers, open));
        ApiKeyAuth auth = new ApiKeyAuth(config.security());
        RemoteOrders remote = new RemoteOrders(threads.forwarding(), config.service().applicationServer(),
                auth.peerHeaders());
        OrderQueries queries = new OrderQueries(locator, watchers, remote, threads.timers(), config.queryRetry());
        CreateOrderHandler create = new CreateOrderHandler(publisher, queries, new OrderPricing(catalog),
                new OrderIds(config.security().idSecret()), open, config.publishTimeout(), Clock.systemUTC(),
                runtime.metrics(), runtime.tracing());
        GetOrderHandler get = new GetOrderHandler(queries, config.maxWait());
        OrderEventsHandler events = new OrderEventsHandler(locator, watchers, remote, threads.timers(),
                config.maxWait());
        runtime.routes(routes -> OrderRoutes.register(routes, create, get, events, auth, queries));
        log.info("Order API authentication: {}", config.security());
        return new OrderService(config, runtime, streams, watchers);
    }

    /**
     * The saga: its view changes feed the outcome metrics only. Watchers are woken by the committed order-status
     * reader ({@link CommittedStatusFeed}), not from inside the transaction: a rolled-back status never reaches a client.
     */
    private static Topology topology(OrderServiceConfig config, ServiceRuntime runtime) {
        OrderOutcomeMetrics outcomes = new OrderOutcomeMetrics(runtime.metrics());
        return OrderTopology.build(runtime.topics(),
                OrderViewSerde.create(runtime.clients().registry(), config.service().kafka().registryConfig()),
                new OrderSaga(config.orderDeadline()), config.deadlineScanInterval(), config.service().stateRetention(),
                outcomes::changed,
                new RecordObserver(runtime.tracing(), runtime.metrics(), "order-saga", runtime.applicationId(),
                        Clock.systemUTC()));
    }

    /** Wakes the watchers of an order once its status is committed on order-status (read_committed). */
    private static CommittedStatusFeed committedStatusFeed(OrderServiceConfig config, ServiceRuntime runtime,
                                                           OrderLocator locator, OrderWatchers watchers,
                                                           OpenOrders open) {
        // Partitions are assigned, never subscribed, and nothing is committed: the group id is unused.
        return new CommittedStatusFeed(runtime.clients().consumer(runtime.applicationId() + "-committed-status-reader",
                config.service().instanceId() + "-committed-status", Map.of()),
                runtime.topics().orderStatus().valueSerde().deserializer(), runtime.topics().orderStatus().name(),
                locator.committed(), (orderId, status) -> {
                    if (OrderView.isFinal(status)) {
                        open.finished(orderId);
                    }
                    if (watchers.watching(orderId) && locator.locate(orderId, true) instanceof OrderLocator.Local local) {
                        local.view().ifPresent(view -> watchers.changed(view, List.of()));
                    }
                }, Clock.systemUTC()).start();
    }

    private static OrderPublisher publisher(OrderServiceConfig config, ServiceRuntime runtime, OrderThreads threads) {
        KafkaProducer<String, OrderCreated> producer = runtime.clients().producer(
                config.service().instanceId() + "-orders", OrderPublisher.boundedBy(config.publishTimeout()));
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(runtime.metrics());
        OrderPublisher publisher = runtime.own("order-publisher", new OrderPublisher(producer,
                runtime.topics().orders(), config.publishTimeout(), config.service().shutdownTimeout(),
                runtime.tracing(), threads.answers()));
        runtime.own("producer-metrics", producerMetrics);
        publisher.warmUp();
        return publisher;
    }

    /** The config, with the HTTP port it listens on. */
    public OrderServiceConfig config() {
        return config;
    }

    /** Base URL of this instance's HTTP API. */
    public String baseUrl() {
        return runtime.baseUrl();
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    /** Requests currently waiting for an order (for tests and the metric). */
    public int activeWatchers() {
        return watchers.active();
    }

    public String scrapeMetrics() {
        return runtime.scrapeMetrics();
    }

    @Override
    public void close() throws Exception {
        runtime.close();
    }
}
