package io.fastship.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountedStoresTest {

    @TempDir
    File stateDir;

    @Test
    void shouldCountKeysNotWritesWhenKeysAreRewrittenAndDeletedBehindACache() {
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(), config())) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            for (int round = 0; round < 20; round++) {
                for (int key = 0; key < 50; key++) {
                    in.pipeInput("key-" + key, "v" + round);
                }
            }
            for (int key = 0; key < 10; key++) {
                in.pipeInput("key-" + key, (String) null);
            }
            in.pipeInput("never-written", (String) null);

            KeyValueStore<String, String> store = driver.getKeyValueStore("counted");
            assertThat(store.approximateNumEntries()).isEqualTo(40);
            // Interactive queries (and so the state gauges) read through the stores' read-only views.
            assertThat(store.readOnly(IsolationLevel.READ_COMMITTED).approximateNumEntries()).isEqualTo(40);
        }
    }

    @Test
    void shouldCountWhatWasWrittenAroundItBeforeItWasFirstAsked() {
        KeyValueStore<Bytes, byte[]> store = CountedStores.persistent("restored").get();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(config(), new TaskId(0, 0),
                stateDir);
        store.init(context.getStateStoreContext(), store);
        try {
            // Writes while the count is unknown (as a restore's are, which go to RocksDB around the wrapper).
            store.putAll(List.of(KeyValue.pair(key("a"), value("1")), KeyValue.pair(key("b"), value("1")),
                    KeyValue.pair(key("a"), value("2"))));

            assertThat(store.approximateNumEntries()).isEqualTo(2);
            store.put(key("c"), value("1"));
            store.put(key("a"), null);
            assertThat(store.putIfAbsent(key("b"), value("3"))).isNotNull();
            store.delete(key("missing"));
            assertThat(store.approximateNumEntries()).isEqualTo(2);
        } finally {
            store.close();
        }
    }

    private static Bytes key(String text) {
        return Bytes.wrap(value(text));
    }

    private static byte[] value(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "counted-stores-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.getAbsolutePath());
        return config;
    }

    private static Topology topology() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("write", Writer::new, "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(CountedStores.persistent("counted"), Serdes.String(),
                Serdes.String()).withCachingEnabled(), "write");
        return topology;
    }

    /** Puts each record's value under its key; a null value deletes the key. */
    private static final class Writer implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore("counted");
        }

        @Override
        public void process(Record<String, String> record) {
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
