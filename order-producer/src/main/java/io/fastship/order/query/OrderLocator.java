package io.fastship.order.query;

import java.util.Optional;

import io.fastship.order.view.OrderTopology;
import io.fastship.order.view.OrderView;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Finds where an order's view lives, from Streams' metadata: in this instance's store, on another instance
 * (its {@code application.server}), or nowhere right now because a rebalance is moving it.
 */
public final class OrderLocator {

    private final KafkaStreams streams;
    private final HostInfo self;
    private final CommittedStatuses committed;

    /** Reads every view through {@code committed}, so no answer shows a status that could be rolled back. */
    public OrderLocator(KafkaStreams streams, HostInfo self, CommittedStatuses committed) {
        this.streams = streams;
        this.self = self;
        this.committed = committed;
    }

    /** Where the order is, as far as this instance can tell right now. */
    public sealed interface Location {
    }

    /** Owned here; empty when no such order exists (yet). */
    public record Local(Optional<OrderView> view) implements Location {
    }

    /** Owned by another instance. */
    public record Remote(HostInfo owner) implements Location {
    }

    /** Not queryable at the moment (starting, rebalancing, restoring). */
    public record Unavailable(String reason) implements Location {
    }

    /** One look, without waiting; {@code allowStale} reads a standby copy when the active one is not queryable. */
    public Location locate(String orderId, boolean allowStale) {
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(OrderTopology.VIEWS, orderId, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            return new Unavailable(e.getMessage());
        }
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            return new Unavailable("no metadata for the order's partition (Streams is " + streams.state() + ")");
        }
        if (!self.equals(metadata.activeHost())) {
            if (allowStale && metadata.standbyHosts().contains(self)) {
                return read(orderId, metadata.partition(), true);
            }
            return new Remote(metadata.activeHost());
        }
        Location local = read(orderId, metadata.partition(), false);
        if (local instanceof Unavailable && allowStale) {
            return read(orderId, metadata.partition(), true);
        }
        return local;
    }

    private Location read(String orderId, int partition, boolean stale) {
        try {
            StoreQueryParameters<ReadOnlyKeyValueStore<String, OrderView>> parameters = StoreQueryParameters
                    .fromNameAndType(OrderTopology.VIEWS, QueryableStoreTypes.<String, OrderView>keyValueStore())
                    .withPartition(partition);
            ReadOnlyKeyValueStore<String, OrderView> store =
                    streams.store(stale ? parameters.enableStaleStores() : parameters);
            return new Local(Optional.ofNullable(store.get(orderId)).filter(OrderView::known)
                    .map(view -> committed.visible(view, java.time.Instant.now())));
        } catch (InvalidStateStoreException e) {
            return new Unavailable(e.getMessage());
        }
    }

    public HostInfo self() {
        return self;
    }

    /** The committed statuses every read passes through, fed by the read_committed order-status reader. */
    public CommittedStatuses committed() {
        return committed;
    }
}
