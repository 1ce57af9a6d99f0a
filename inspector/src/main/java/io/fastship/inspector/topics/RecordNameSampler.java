package io.fastship.inspector.topics;

import io.fastship.inspector.Cluster;
import io.fastship.schemas.serde.ConfluentWireFormat;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the Avro record names a topic's newest records were written with, by reading the last few
 * records of each partition; RecordNameStrategy subjects can be tied to a topic no other way.
 */
final class RecordNameSampler {

    private static final int PER_PARTITION = 3;
    private static final Duration MAX_WAIT = Duration.ofSeconds(3);

    private final Cluster cluster;

    RecordNameSampler(Cluster cluster) {
        this.cluster = cluster;
    }

    Set<String> sample(List<PartitionState> partitions, String topic) {
        Set<Integer> ids = new TreeSet<>();
        try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer(IsolationLevel.READ_UNCOMMITTED)) {
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            for (PartitionState partition : partitions) {
                if (partition.endOffset() > partition.startOffset()) {
                    ends.put(new TopicPartition(topic, partition.partition()), partition.endOffset());
                }
            }
            if (ends.isEmpty()) {
                return Set.of();
            }
            consumer.assign(ends.keySet());
            for (PartitionState partition : partitions) {
                TopicPartition tp = new TopicPartition(topic, partition.partition());
                if (ends.containsKey(tp)) {
                    consumer.seek(tp, Math.max(partition.startOffset(), partition.endOffset() - PER_PARTITION));
                }
            }
            long deadline = System.nanoTime() + Math.min(MAX_WAIT.toNanos(), cluster.timeout().toNanos());
            while (!ends.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    schemaId(record.key()).ifPresent(ids::add);
                    schemaId(record.value()).ifPresent(ids::add);
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
        Set<String> names = new HashSet<>();
        for (int id : ids) {
            Schema schema = cluster.registry().getSchemaById(id);
            if (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                    || schema.getType() == Schema.Type.FIXED) {
                names.add(schema.getFullName());
            }
        }
        return names;
    }

    private static java.util.Optional<Integer> schemaId(byte[] payload) {
        if (payload == null || payload.length < ConfluentWireFormat.HEADER_SIZE
                || payload[0] != ConfluentWireFormat.MAGIC_BYTE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt());
    }
}
