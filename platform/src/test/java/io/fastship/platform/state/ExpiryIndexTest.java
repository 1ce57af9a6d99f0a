package io.fastship.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.fastship.platform.testing.RocksDbTombstones;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expiry index on a real RocksDB store: due entries oldest first, each purged once, tombstones passed once. */
class ExpiryIndexTest {

    @TempDir
    File stateDir;

    private KeyValueStore<String, String> store;
    private ExpiryIndex index;

    @BeforeEach
    void open() {
        store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("expiry-index-test"), Serdes.String(),
                Serdes.String()).withLoggingDisabled().build();
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "expiry-index-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.getAbsolutePath());
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir);
        store.init(context.getStateStoreContext(), store);
        index = new ExpiryIndex(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPurgeWithNothingDueDoesNotAskTheStoreForARangeThatEndsBeforeItStarts() {
        List<String[]> ranges = new ArrayList<>();
        ExpiryIndex recorded = new ExpiryIndex(recordingRanges(store, ranges));
        recorded.schedule("a", 1_000);
        assertThat(recorded.purgeDue(1_000, 10, key -> { })).isEqualTo(1);

        // the cursor is now past 1,000: a range from there up to 1,000 would be inverted (RocksDB warns on each)
        assertThat(recorded.purgeDue(1_000, 10, key -> { })).isZero();

        assertThat(ranges).isNotEmpty().allSatisfy(range -> assertThat(range[0]).isLessThanOrEqualTo(range[1]));
    }

    @Test
    void shouldNotStepOverTheTombstonesOfEarlierPurgesAgain() {
        for (int i = 1; i <= 5_000; i++) {
            index.schedule("key-" + i, i);
        }
        assertThat(index.purgeDue(5_000, 10_000, key -> { })).isEqualTo(5_000);
        index.schedule("late", 9_000);

        long skipped = RocksDbTombstones.skippedBy(stateDir.toPath().resolve("probe"),
                () -> assertThat(index.purgeDue(6_000, 10_000, key -> { })).isZero());

        assertThat(skipped).isLessThan(100);
    }

    @Test
    void shouldStillPurgeAnEntryScheduledBelowWhereTheLastPurgeEnded() {
        index.schedule("a", 100);
        index.schedule("b", 200);
        assertThat(purged(150, 10)).containsExactly("a");
        index.schedule("c", 120);
        assertThat(purged(160, 10)).containsExactly("c");
        assertThat(purged(250, 10)).containsExactly("b");
    }

    @Test
    void shouldResumeABoundedPurgeWhereItStoppedWithoutSkippingEqualDueTimes() {
        for (int i = 0; i < 10; i++) {
            index.schedule("same-" + i, 500);
        }
        List<String> all = new ArrayList<>();
        all.addAll(purged(1_000, 4));
        all.addAll(purged(1_000, 4));
        all.addAll(purged(1_000, 4));
        assertThat(all).hasSize(10).doesNotHaveDuplicates();
    }

    @SuppressWarnings("unchecked")
    private static KeyValueStore<String, String> recordingRanges(KeyValueStore<String, String> store,
                                                                 List<String[]> ranges) {
        return (KeyValueStore<String, String>) Proxy.newProxyInstance(ExpiryIndexTest.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("range")) {
                        ranges.add(new String[] {(String) args[0], (String) args[1]});
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private List<String> purged(long now, int max) {
        List<String> keys = new ArrayList<>();
        index.purgeDue(now, max, keys::add);
        return keys;
    }
}
