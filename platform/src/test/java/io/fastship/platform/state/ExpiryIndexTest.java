package io.fastship.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

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
import org.rocksdb.Options;
import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

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
    void shouldNotStepOverTheTombstonesOfEarlierPurgesAgain() {
        for (int i = 1; i <= 5_000; i++) {
            index.schedule("key-" + i, i);
        }
        assertThat(index.purgeDue(5_000, 10_000, key -> { })).isEqualTo(5_000);
        index.schedule("late", 9_000);

        long skipped = deletesSkippedBy(() -> assertThat(index.purgeDue(6_000, 10_000, key -> { })).isZero());

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

    private List<String> purged(long now, int max) {
        List<String> keys = new ArrayList<>();
        index.purgeDue(now, max, keys::add);
        return keys;
    }

    /** RocksDB's perf counters are per thread, whichever database they are read through: this one is the probe's. */
    private long deletesSkippedBy(Runnable scan) {
        try (Options options = new Options().setCreateIfMissing(true);
             RocksDB probe = RocksDB.open(options, new File(stateDir, "probe").getAbsolutePath())) {
            probe.setPerfLevel(PerfLevel.ENABLE_COUNT);
            probe.getPerfContext().reset();
            scan.run();
            long skipped = probe.getPerfContext().getInternalDeleteSkippedCount();
            probe.setPerfLevel(PerfLevel.DISABLE);
            return skipped;
        } catch (RocksDBException e) {
            throw new IllegalStateException(e);
        }
    }
}
