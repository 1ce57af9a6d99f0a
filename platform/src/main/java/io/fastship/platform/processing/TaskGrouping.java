package io.fastship.platform.processing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** How the records of one poll are cut into tasks, the unit that is processed in order and may run in parallel. */
public enum TaskGrouping {

    /** Each topic-partition is its own task. */
    PER_PARTITION,
    /**
     * Co-partitioned topics: partition {@code n} of every subscribed topic forms one task, so state keyed like the
     * records (e.g. by orderId) is touched by one thread only. Needs an assignor that keeps partition numbers
     * together (range).
     */
    PER_PARTITION_NUMBER,
    /**
     * Co-partitioned topics, one task per key within a partition number: the records of one key (from every
     * subscribed topic) stay in order on one thread, while different keys of the same partition run in parallel.
     * For I/O-bound processing whose ordering matters per key only. The loop still commits, per partition, only
     * the prefix of offsets whose tasks all finished. Records without a key form one task per partition number.
     */
    PER_KEY;

    String taskOf(ConsumerRecord<String, ?> record) {
        return switch (this) {
            case PER_PARTITION -> record.topic() + "-" + record.partition();
            case PER_PARTITION_NUMBER -> Integer.toString(record.partition());
            // A key may contain any character, so the partition number goes first and ends at the first '/'.
            case PER_KEY -> record.key() == null ? record.partition() + "#" : record.partition() + "/" + record.key();
        };
    }
}
