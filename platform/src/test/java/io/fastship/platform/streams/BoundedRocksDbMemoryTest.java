package io.fastship.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.fastship.platform.config.KafkaConnection;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedRocksDbMemoryTest {

    @TempDir
    File stateDir;

    @Test
    void shouldGiveEveryStoreTheOneSharedBudget() {
        Properties config = new Properties();
        config.putAll(StreamsSettings.exactlyOnce("bounded-rocksdb-test",
                KafkaConnection.of("unused:9092", "http://unused:8081"), stateDir.toPath(), Optional.empty(), 0,
                Duration.ofMillis(100)));
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("noop", Ignore::new, "in");
        for (String store : List.of("first", "second")) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(),
                    Serdes.String()), "noop");
        }

        try (TopologyTestDriver driver = new TopologyTestDriver(topology, config)) {
            List<Double> capacities = driver.metrics().values().stream()
                    .filter(metric -> metric.metricName().name().equals("block-cache-capacity"))
                    .map(Metric::metricValue).map(value -> ((Number) value).doubleValue()).toList();

            assertThat(capacities).hasSize(2).containsOnly((double) BoundedRocksDbMemory.TOTAL_BYTES);
        }
    }

    /** Stores only need a processor to be attached to. */
    private static final class Ignore implements Processor<String, String, Void, Void> {
        @Override
        public void process(Record<String, String> record) {
        }
    }
}
