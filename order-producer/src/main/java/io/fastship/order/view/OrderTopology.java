package io.fastship.order.view;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fastship.events.OrderStatusChanged;
import io.fastship.platform.state.CountedStores;
import io.fastship.platform.state.ExpiryIndex;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.TracedProcessor;
import io.fastship.schemas.EventTopics;
import io.fastship.schemas.TopicSettings;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * The order service's Streams topology: {@code orders}, {@code payments} and {@code inventory} (co-partitioned by
 * order id) merge into one saga processor with one view store and a deadline index; status events go to
 * {@code order-status}. One processor and one store per order key keep the fold ordered per partition and
 * need no repartitioning or joins. The saga is a {@link TracedProcessor}: a status event continues the trace of the
 * event that caused it.
 */
public final class OrderTopology {

    /** The view store, queried by {@code GET /orders/{id}}. */
    public static final String VIEWS = "order-views";
    /** Pending orders by deadline. */
    public static final String DEADLINES = "order-deadlines";
    /** Closed orders by the time their view may be deleted ({@link RetentionPurge}). */
    public static final String EXPIRY = "order-expiry";
    /** Every store, for the entry gauges. */
    public static final List<String> STORES = List.of(VIEWS, DEADLINES, EXPIRY);

    private OrderTopology() {
    }

    /** The saga keeping closed orders as long as the order topics keep their events. */
    public static Topology build(EventTopics topics, Serde<OrderView> views, OrderSaga saga, Duration scanInterval,
                                 OrderViewListener listener, RecordObserver observer) {
        return build(topics, views, saga, scanInterval, TopicSettings.events().retention(), listener, observer);
    }

    /**
     * The saga over the deployment's event topics; {@code views} is the serde of the view store, closed orders
     * are forgotten {@code retention} after their last change.
     */
    public static Topology build(EventTopics topics, Serde<OrderView> views, OrderSaga saga, Duration scanInterval,
                                 Duration retention, OrderViewListener listener, RecordObserver observer) {
        Topology topology = new Topology();
        topology.addSource("orders-source", Serdes.String().deserializer(),
                topics.orders().valueSerde().deserializer(), topics.orders().name());
        topology.addSource("payments-source", Serdes.String().deserializer(),
                topics.payments().valueSerde().deserializer(), topics.payments().name());
        topology.addSource("inventory-source", Serdes.String().deserializer(),
                topics.inventory().valueSerde().deserializer(), topics.inventory().name());
        // Every input is keyed by orderId; the one child is the order-status sink.
        topology.addProcessor("order-saga", TracedProcessor.<String, SpecificRecord, String, OrderStatusChanged>wrap(
                        () -> new OrderSagaProcessor(saga, scanInterval, listener,
                                new RetentionPurge(retention),
                                List.of(topics.payments().name(), topics.inventory().name())), observer, Record::key,
                        Map.of("order-status-sink", topics.orderStatus().name())),
                "orders-source", "payments-source", "inventory-source");
        // Cached: an order's view and deadline entry change several times, and a store of the Processor API writes
        // every change to its changelog unless a cache keeps only the last one per commit (flushed at each commit).
        topology.addStateStore(Stores.keyValueStoreBuilder(CountedStores.persistent(VIEWS),
                Serdes.String(), views).withCachingEnabled(), "order-saga");
        topology.addStateStore(Stores.keyValueStoreBuilder(CountedStores.persistent(DEADLINES),
                Serdes.String(), Serdes.String()).withCachingEnabled(), "order-saga");
        topology.addStateStore(ExpiryIndex.storeBuilder(EXPIRY), "order-saga");
        topology.addSink("order-status-sink", topics.orderStatus().name(), Serdes.String().serializer(),
                topics.orderStatus().valueSerde().serializer(), "order-saga");
        return topology;
    }
}
