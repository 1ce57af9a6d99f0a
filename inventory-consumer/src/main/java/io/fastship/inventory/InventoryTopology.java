package io.fastship.inventory;

import io.fastship.events.InventoryEvent;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.StockAdjusted;
import io.fastship.inventory.line.LineCommand;
import io.fastship.inventory.line.LineResult;
import io.fastship.inventory.metrics.InventoryMetrics;
import io.fastship.inventory.order.OrderCoordinator;
import io.fastship.inventory.order.OrderProgress;
import io.fastship.inventory.stock.LineReservation;
import io.fastship.inventory.stock.StockKeeper;
import io.fastship.inventory.stock.StockLevel;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
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
 * of a key.
 */
public final class InventoryTopology {

    /** The Avro serdes of the public topics. */
    public record PublicSerdes(Serde<OrderCreated> orders, Serde<OrderStatusChanged> orderStatus,
                          Serde<StockAdjusted> stock, Serde<InventoryEvent> inventory) {
    }

    private InventoryTopology() {
    }

    public static Topology build(InventoryTopics topics, PublicSerdes serdes, InventoryMetrics metrics) {
        StringDeserializer keys = new StringDeserializer();
        StringSerializer keyWriter = new StringSerializer();
        JsonSerde<LineCommand> commands = JsonSerde.of(LineCommand.class);
        JsonSerde<LineResult> results = JsonSerde.of(LineResult.class);

        Topology topology = new Topology();
        topology.addSource("orders-source", keys, serdes.orders().deserializer(), topics.orders());
        topology.addSource("order-status-source", keys, serdes.orderStatus().deserializer(), topics.orderStatus());
        topology.addSource("line-results-source", keys, results.deserializer(), topics.lineResults());
        topology.addProcessor("order-coordinator", () -> new OrderCoordinator(metrics),
                "orders-source", "order-status-source", "line-results-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(OrderCoordinator.STORE),
                Serdes.String(), JsonSerde.of(OrderProgress.class)), "order-coordinator");
        topology.addSink(OrderCoordinator.COMMANDS_SINK, topics.lineCommands(), keyWriter, commands.serializer(),
                "order-coordinator");
        topology.addSink(OrderCoordinator.EVENTS_SINK, topics.inventory(), keyWriter, serdes.inventory().serializer(),
                "order-coordinator");

        topology.addSource("stock-source", keys, serdes.stock().deserializer(), topics.stock());
        topology.addSource("line-commands-source", keys, commands.deserializer(), topics.lineCommands());
        topology.addProcessor("stock-keeper", StockKeeper::new, "stock-source", "line-commands-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StockKeeper.STOCK_STORE),
                Serdes.String(), JsonSerde.of(StockLevel.class)), "stock-keeper");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StockKeeper.RESERVATIONS_STORE),
                Serdes.String(), JsonSerde.of(LineReservation.class)), "stock-keeper");
        topology.addSink("line-results-sink", topics.lineResults(), keyWriter, results.serializer(), "stock-keeper");
        return topology;
    }
}
