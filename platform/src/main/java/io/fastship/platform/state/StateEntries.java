package io.fastship.platform.state;

import java.util.Collection;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** The gauge {@code fastship_state_entries{store=...}}: how many entries one state store of this instance holds. */
public final class StateEntries {

    /** Micrometer's name; Prometheus shows it as {@code fastship_state_entries}. */
    public static final String METRIC = "fastship.state.entries";

    private StateEntries() {
    }

    /** A gauge of {@code entries}; NaN (skipped by readers) while the count cannot be read. */
    public static void gauge(MeterRegistry registry, String store, Supplier<? extends Number> entries) {
        Gauge.builder(METRIC, entries, supplier -> {
                    try {
                        return supplier.get().doubleValue();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Keys of a state store in this instance's active partitions")
                // Micrometer holds gauge objects weakly; this lambda has no other owner and would be collected.
                .strongReference(true)
                .tag("store", store)
                .register(registry);
    }

    /** One gauge per store of {@code streams}: its {@code approximateNumEntries} over the active tasks (exact for {@link CountedStores}). */
    public static void gauges(MeterRegistry registry, KafkaStreams streams, Collection<String> stores) {
        for (String store : stores) {
            // Throws while the store is not queryable (rebalance, restore): NaN then.
            gauge(registry, store, () -> streams.store(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.keyValueStore())).approximateNumEntries());
        }
    }
}
