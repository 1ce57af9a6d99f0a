package io.fastship.inspector.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The partition Kafka's default partitioner picks for a UTF-8 string key, so a reader can skip the others. */
public final class KeyPartition {

    private KeyPartition() {
    }

    /** murmur2 of the key's bytes, made positive, modulo the partition count: what the producer does. */
    public static int of(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
