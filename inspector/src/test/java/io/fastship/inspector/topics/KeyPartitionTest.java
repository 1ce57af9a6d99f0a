package io.fastship.inspector.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class KeyPartitionTest {

    @Test
    void shouldPickThePartitionTheProducersDefaultPartitionerPicks() {
        for (int i = 0; i < 200; i++) {
            String key = "order-" + i;
            for (int partitions : new int[] {1, 3, 6, 12}) {
                assertThat(KeyPartition.of(key, partitions)).as(key + " of " + partitions).isEqualTo(
                        BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }

    @Test
    void shouldRefuseNoPartitions() {
        assertThatThrownBy(() -> KeyPartition.of("k", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
