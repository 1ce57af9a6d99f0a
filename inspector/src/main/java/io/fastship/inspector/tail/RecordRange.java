package io.fastship.inspector.tail;

import io.fastship.inspector.Cluster;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * A bounded read of the newest records of some partitions, as a read_committed reader sees them: the
 * library side of {@code tail --last}, used where a caller wants the records rather than printed lines.
 */
public final class RecordRange {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Cluster cluster;

    public RecordRange(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Reads up to {@code perPartition} offsets back from the end of each partition and returns the newest
     * {@code max} records that {@code keep} accepts, oldest first by timestamp. A partition that stops
     * making progress for the cluster timeout ends the read with what was found.
     */
    public List<ConsumerRecord<byte[], byte[]>> newest(Collection<TopicPartition> partitions, long perPartition,
            Predicate<ConsumerRecord<byte[], byte[]>> keep, int max) {
        if (partitions.isEmpty() || max <= 0) {
            return List.of();
        }
        Deque<ConsumerRecord<byte[], byte[]>> kept = new ArrayDeque<>();
        try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer(IsolationLevel.READ_COMMITTED)) {
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, cluster.timeout());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, cluster.timeout());
            Set<TopicPartition> pending = new HashSet<>();
            Map<TopicPartition, Long> from = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long start = Math.max(starts.getOrDefault(partition, 0L), ends.getOrDefault(partition, 0L) - perPartition);
                from.put(partition, start);
                if (start < ends.getOrDefault(partition, 0L)) {
                    pending.add(partition);
                }
            }
            consumer.assign(pending);
            pending.forEach(partition -> consumer.seek(partition, from.get(partition)));
            long lastProgress = System.nanoTime();
            while (!pending.isEmpty()) {
                int read = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    read++;
                    if (keep.test(record)) {
                        kept.addLast(record);
                        if (kept.size() > max) {
                            kept.removeFirst();
                        }
                    }
                }
                boolean moved = read > 0;
                for (TopicPartition partition : List.copyOf(pending)) {
                    if (consumer.position(partition, cluster.timeout()) >= ends.get(partition)) {
                        pending.remove(partition);
                        moved = true;
                    }
                }
                if (moved) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > cluster.timeout().toNanos()) {
                    break;
                }
            }
        }
        List<ConsumerRecord<byte[], byte[]>> result = new ArrayList<>(kept);
        result.sort(Comparator.comparingLong(ConsumerRecord<byte[], byte[]>::timestamp)
                .thenComparing(ConsumerRecord::topic).thenComparingLong(ConsumerRecord::offset));
        return result;
    }
}
