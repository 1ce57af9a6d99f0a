package io.fastship.inventory;

import java.time.Duration;
import java.util.Map;

import io.fastship.inventory.line.LineCommand;
import io.fastship.inventory.line.LineResult;
import io.fastship.inventory.metrics.InventoryMetrics;
import io.fastship.inventory.order.OrderCoordinator;
import io.fastship.inventory.order.OrderExpiry;
import io.fastship.inventory.order.OrderProgress;
import io.fastship.inventory.stock.LineReservation;
import io.fastship.inventory.stock.StockKeeper;
import io.fastship.inventory.stock.StockLevel;
import io.fastship.platform.state.CountedStores;
import io.fastship.platform.state.ExpiryIndex;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.TracedProcessor;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.EventTopics;
import io.fastship.schemas.TopicSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * The inventory topology: two sub-topologies joined by two topics.
 *
 * <pre>
 *   orders, order-status, line-results ──► OrderCoordinator (by orderId) ──► inventory, line-commands
 *   stock, line-commands               ──► StockKeeper (by SKU)          ──► line-results
 * </pre>
 *
 * Each side's inputs must have equal partition counts (checked at start), so that one task sees every record
 * of a key. Both processors are {@link TracedProcessor}s: every hop, the internal line topics included, carries
 * the order's trace context in its headers.
 */
public final class InventoryTopology {

    private InventoryTopology() {
    }

    /** The topology keeping closed orders as long as the order topics keep their events. */
    public static Topology build(InventoryTopics topics, InventoryMetrics metrics,
                                 Tracing tracing, MeterRegistry registry) {
        return build(topics, metrics, tracing, registry, TopicSettings.events().retention());
    }

    /** The topology; closed orders and their line reservations are forgotten {@code retention} after closing. */
    public static Topology build(InventoryTopics topics, InventoryMetrics metrics,
                                 Tracing tracing, MeterRegistry registry, Duration retention) {
        RecordObserver coordinatorObserver = new RecordObserver(tracing, registry, "order-coordinator",
                topics.applicationId(), java.time.Clock.systemUTC());
        RecordObserver keeperObserver = new RecordObserver(tracing, registry, "stock-keeper", topics.applicationId(),
                java.time.Clock.systemUTC());
        EventTopics events = topics.events();
        StringDeserializer keys = new StringDeserializer();
        StringSerializer keyWriter = new StringSerializer();
        JsonSerde<LineCommand> commands = JsonSerde.of(LineCommand.class);
        JsonSerde<LineResult> results = JsonSerde.of(LineResult.class);

        Topology topology = new Topology();
        topology.addSource("orders-source", keys, events.orders().valueSerde().deserializer(), topics.orders());
        topology.addSource("order-status-source", keys, events.orderStatus().valueSerde().deserializer(),
                topics.orderStatus());
        topology.addSource("line-results-source", keys, results.deserializer(), topics.lineResults());
        // Every input of the coordinator is keyed by orderId.
        topology.addProcessor("order-coordinator", TracedProcessor.<String, Object, String, Object>wrap(
                        () -> new OrderCoordinator(metrics, new OrderExpiry(retention)), coordinatorObserver, Record::key,
                        Map.of(OrderCoordinator.COMMANDS_SINK, topics.lineCommands(),
                                OrderCoordinator.EVENTS_SINK, topics.inventory())),
                "orders-source", "order-status-source", "line-results-source");
        // Stores are cached: only the last change of a key per commit goes to the changelog (see OrderTopology).
        topology.addStateStore(Stores.keyValueStoreBuilder(CountedStores.persistent(OrderCoordinator.STORE),
                Serdes.String(), JsonSerde.of(OrderProgress.class)).withCachingEnabled(), "order-coordinator");
        topology.addStateStore(ExpiryIndex.storeBuilder(OrderExpiry.STORE), "order-coordinator");
        topology.addSink(OrderCoordinator.COMMANDS_SINK, topics.lineCommands(), keyWriter, commands.serializer(),
                "order-coordinator");
        topology.addSink(OrderCoordinator.EVENTS_SINK, topics.inventory(), keyWriter,
                events.inventory().valueSerde().serializer(), "order-coordinator");

        topology.addSource("stock-source", keys, events.stock().valueSerde().deserializer(), topics.stock());
        topology.addSource("line-commands-source", keys, commands.deserializer(), topics.lineCommands());
        topology.addProcessor("stock-keeper", TracedProcessor.<String, Object, String, LineResult>wrap(
                        StockKeeper::new, keeperObserver, InventoryTopology::orderIdOfStockInput,
                        Map.of("line-results-sink", topics.lineResults())),
                "stock-source", "line-commands-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(CountedStores.persistent(StockKeeper.STOCK_STORE),
                Serdes.String(), JsonSerde.of(StockLevel.class)).withCachingEnabled(), "stock-keeper");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                CountedStores.persistent(StockKeeper.RESERVATIONS_STORE),
                Serdes.String(), JsonSerde.of(LineReservation.class)).withCachingEnabled(), "stock-keeper");
        topology.addSink("line-results-sink", topics.lineResults(), keyWriter, results.serializer(), "stock-keeper");
        return topology;
    }

    /** Stock inputs are keyed by SKU: a line command names its order, a stock adjustment belongs to none. */
    private static String orderIdOfStockInput(Record<String, Object> record) {
        return record.value() instanceof LineCommand command ? command.orderId() : null;
    }
}
