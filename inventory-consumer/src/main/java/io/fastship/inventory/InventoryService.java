package io.fastship.inventory;

import java.time.Duration;
import java.util.List;

import io.fastship.inventory.http.StockRoutes;
import io.fastship.inventory.http.StreamsStockLookup;
import io.fastship.inventory.metrics.InventoryMetrics;
import io.fastship.inventory.order.OrderCoordinator;
import io.fastship.inventory.order.OrderExpiry;
import io.fastship.inventory.stock.StockKeeper;
import io.fastship.platform.runtime.FatalExit;
import io.fastship.platform.runtime.ServiceRuntime;
import io.fastship.platform.state.StateEntries;
import io.fastship.platform.streams.StreamsOptions;
import io.fastship.platform.tracing.Tracing;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The inventory service on the platform runtime: its two internal topics, the Streams topology running
 * exactly-once, and the stock queries on HTTP. The runtime runs Streams under its failure policy and closes HTTP
 * first, then Streams (leaving the group so the partitions move at once), then the registry client.
 */
public final class InventoryService implements AutoCloseable {

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> STORES = List.of(StockKeeper.STOCK_STORE, StockKeeper.RESERVATIONS_STORE,
            OrderCoordinator.STORE, OrderExpiry.STORE);

    private final ServiceRuntime runtime;
    private final KafkaStreams streams;
    private final InventoryTopics topics;

    private InventoryService(ServiceRuntime runtime, KafkaStreams streams, InventoryTopics topics) {
        this.runtime = runtime;
        this.streams = streams;
        this.topics = topics;
    }

    /** Creates the topics, starts Streams and then HTTP; an HTTP port of 0 gets a free port. */
    public static InventoryService start(InventoryConfig config, Tracing tracing, FatalExit exit) {
        return ServiceRuntime.start(InventoryConfig.SERVICE_ID, config.service(), tracing, exit,
                runtime -> wire(config, runtime));
    }

    private static InventoryService wire(InventoryConfig config, ServiceRuntime runtime) {
        InventoryTopics topics = new InventoryTopics(runtime.applicationId(), runtime.topics());
        runtime.withTopicAdmin(admin -> InventoryTopicSetup.ensure(admin, topics));
        KafkaStreams streams = runtime.runStreams(InventoryTopology.build(topics,
                        new InventoryMetrics(runtime.metrics()), runtime.tracing(), runtime.metrics(),
                        config.service().stateRetention()),
                new StreamsOptions(config.stateDir(), config.standbyReplicas(), config.commitInterval(),
                        config.streamThreads()));
        StateEntries.gauges(runtime.metrics(), streams, STORES);
        HostInfo self = HostInfo.buildFromEndpoint(runtime.settings().applicationServer());
        runtime.routes(StockRoutes.of(new StreamsStockLookup(streams, self, FORWARD_TIMEOUT)));
        return new InventoryService(runtime, streams, topics);
    }

    public KafkaStreams streams() {
        return streams;
    }

    public InventoryTopics topics() {
        return topics;
    }

    public int httpPort() {
        return runtime.port();
    }

    @Override
    public void close() throws Exception {
        runtime.close();
    }
}
