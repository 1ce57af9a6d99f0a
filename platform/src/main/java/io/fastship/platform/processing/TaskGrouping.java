package io.fastship.platform.processing;

import org.apache.kafka.common.TopicPartition;

/** How the records of one poll are cut into tasks, the unit that is processed in order and may run in parallel. */
public enum TaskGrouping {

    /** Each topic-partition is its own task. */
    PER_PARTITION,
    /**
     * Co-partitioned topics: partition {@code n} of every subscribed topic forms one task, so state keyed like the
     * records (e.g. by orderId) is touched by one thread only. Needs an assignor that keeps partition numbers
     * together (range).
     */
    PER_PARTITION_NUMBER;

    String taskOf(TopicPartition partition) {
        return this == PER_PARTITION ? partition.toString() : Integer.toString(partition.partition());
    }
}
