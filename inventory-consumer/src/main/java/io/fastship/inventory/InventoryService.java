package io.fastship.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.fastship.inventory.http.StockRoutes;
import io.fastship.inventory.http.StreamsStockLookup;
import io.fastship.inventory.metrics.InventoryMetrics;
import io.fastship.inventory.order.OrderCoordinator;
import io.fastship.inventory.stock.StockKeeper;
import io.fastship.platform.http.ServiceHttpServer;
import io.fastship.platform.http.ServiceMetrics;
import io.fastship.platform.kafka.KafkaClients;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.streams.TransientFailures;
import io.fastship.platform.streams.StreamsHealth;
import io.fastship.platform.streams.DeadLetterHandlers;
import io.fastship.platform.streams.StreamsSettings;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance of the inventory service: topics ensured, the Streams topology running exactly-once, and
 * the HTTP port answering stock queries, health and metrics. Closing stops HTTP first, then Streams (leaving the
 * group so the partitions move at once), then the registry client.
 */
public final class InventoryService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InventoryService.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> STORES = List.of(StockKeeper.STOCK_STORE, StockKeeper.RESERVATIONS_STORE,
            OrderCoordinator.STORE);

    private final Closer closer;
    private final KafkaStreams streams;
    private final ServiceHttpServer http;
    private final InventoryConfig config;
    private final CompletableFuture<KafkaStreams.State> failure;

    private InventoryService(Closer closer, KafkaStreams streams, ServiceHttpServer http, InventoryConfig config,
                             CompletableFuture<KafkaStreams.State> failure) {
        this.closer = closer;
        this.streams = streams;
        this.http = http;
        this.config = config;
        this.failure = failure;
    }

    /** Starts propagating trace context without exporting spans; see {@link #start(InventoryConfig, Tracing)}. */
    public static InventoryService start(InventoryConfig requested) {
        return start(requested, Tracing.propagatingOnly());
    }

    /**
     * Ensures the topics, starts Streams and then HTTP; an HTTP port of 0 gets a free port. The tracing is closed
     * with the service, last, so the final spans are flushed.
     */
    public static InventoryService start(InventoryConfig requested, Tracing tracing) {
        Closer closer = new Closer();
        try {
            closer.register("tracing", tracing);
            InventoryConfig config = requested.httpPort() == 0
                    ? requested.withHttpPort(freePort(requested.httpHost())) : requested;
            InventoryTopics topics = config.topics();
            ServiceMetrics metrics = closer.register("metrics", new ServiceMetrics(InventoryTopics.SERVICE_ID));
            KafkaClients clients = closer.register("kafka-clients",
                    new KafkaClients(config.kafka(), InventoryTopics.SERVICE_ID));
            try (Admin admin = clients.admin()) {
                new InventoryTopicSetup(admin, ADMIN_TIMEOUT).ensure(config.topicNamespace(), topics,
                        config.topicPartitions());
            }

            HostInfo self = HostInfo.buildFromEndpoint(config.applicationServer());
            Map<String, Object> settings = StreamsSettings.exactlyOnce(topics.applicationId(), config.kafka(),
                    config.stateDir(), Optional.of(self.host() + ":" + self.port()), config.standbyReplicas(),
                    config.commitInterval());
            settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
            settings.put(StreamsConfig.CLIENT_ID_CONFIG, topics.applicationId() + "-" + config.instanceId());
            DeadLetterHandlers.countInto(settings, metrics.registry());
            var serdes = new InventoryTopology.PublicSerdes(clients.valueSerde(Topics.ORDERS),
                    clients.valueSerde(Topics.ORDER_STATUS), clients.valueSerde(Topics.STOCK),
                    clients.valueSerde(Topics.INVENTORY));
            KafkaStreams streams = new KafkaStreams(
                    InventoryTopology.build(topics, serdes, new InventoryMetrics(metrics.registry()), tracing,
                            metrics.registry()),
                    new StreamsConfig(settings));
            CompletableFuture<KafkaStreams.State> failure = new CompletableFuture<>();
            streams.setStateListener((now, before) -> {
                log.info("Inventory streams {} -> {}", before, now);
                if (now == KafkaStreams.State.ERROR) {
                    failure.complete(now);
                }
            });
            // A transient failure (registry away) replaces the thread to retry; anything else stops the instance.
            streams.setUncaughtExceptionHandler(
                    TransientFailures.uncaughtHandler(StreamThreadExceptionResponse.SHUTDOWN_CLIENT));
            // Every internal client's metrics, among them records-lag per partition and the task-level ones.
            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
            streamsMetrics.bindTo(metrics.registry());
            closer.register("streams", () -> {
                streamsMetrics.close();
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(CLOSE_TIMEOUT));
            });
            bindStoreGauges(metrics, streams);
            streams.start();

            ServiceHttpServer http = closer.register("http", ServiceHttpServer.start(InventoryTopics.SERVICE_ID,
                    config.httpHost(), config.httpPort(), metrics, Map.of("streams", new StreamsHealth(streams)),
                    StockRoutes.of(new StreamsStockLookup(streams, self, FORWARD_TIMEOUT))));
            log.info("Inventory service {} started: application {}, stock queries on {}", config.instanceId(),
                    topics.applicationId(), self);
            return new InventoryService(closer, streams, http, config, failure);
        } catch (RuntimeException e) {
            try {
                closer.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    public int httpPort() {
        return http.port();
    }

    public InventoryConfig config() {
        return config;
    }

    /** Completes when Streams reaches ERROR, after which this instance processes nothing more. */
    public CompletableFuture<KafkaStreams.State> failure() {
        return failure;
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    private static void bindStoreGauges(ServiceMetrics metrics, KafkaStreams streams) {
        for (String store : STORES) {
            Gauge.builder("fastship.inventory.store.entries", streams, s -> approximateEntries(s, store))
                    .description("Approximate entries in this instance's active partitions of a state store")
                    .tag("store", store)
                    .register(metrics.registry());
        }
    }

    private static double approximateEntries(KafkaStreams streams, String store) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.keyValueStore())).approximateNumEntries();
        } catch (RuntimeException e) {
            return Double.NaN; // not queryable during a rebalance or restore
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
