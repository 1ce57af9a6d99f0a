package io.fastship.bench.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import io.fastship.platform.kafka.KafkaClients;
import io.fastship.schemas.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** The value size of the newest records on a topic: what a real serialized event of that topic weighs. */
public final class RecordSizeProbe {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private RecordSizeProbe() {
    }

    /** The largest value among the last record of each partition, or empty if the topic has none. */
    public static OptionalInt newestValueSize(KafkaClients clients, Topic<?> topic) {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("bench-probe-" + UUID.randomUUID(),
                "bench-probe", Map.of())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), WAIT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
            List<TopicPartition> withData = new ArrayList<>();
            ends.forEach((partition, end) -> {
                if (end > 0) {
                    withData.add(partition);
                }
            });
            if (withData.isEmpty()) {
                return OptionalInt.empty();
            }
            consumer.assign(withData);
            // A few records back, because transaction markers take offsets too.
            withData.forEach(p -> consumer.seek(p, Math.max(0, ends.get(p) - 5)));
            int largest = -1;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (largest < 0 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        largest = Math.max(largest, record.value().length);
                    }
                }
            }
            return largest < 0 ? OptionalInt.empty() : OptionalInt.of(largest);
        }
    }
}
