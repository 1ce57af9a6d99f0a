package io.fastship.platform.processing;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one task from one poll, in processing order (per partition in offset order; with
 * co-partitioned topics, topic by topic in subscription order).
 *
 * @param task    the task id ({@link TaskGrouping}): a topic-partition, a partition number, or a partition number
 *                and key
 * @param records the records to process
 * @param stop    true once no further record should be started (batch deadline passed or the loop is closing);
 *                the processor then returns what it has done so far and the rest is polled again
 */
public record TaskBatch(String task, List<ConsumerRecord<String, byte[]>> records, BooleanSupplier stop) {

    public TaskBatch {
        Objects.requireNonNull(task, "task");
        records = List.copyOf(records);
        Objects.requireNonNull(stop, "stop");
    }

    public boolean shouldStop() {
        return stop.getAsBoolean();
    }
}
