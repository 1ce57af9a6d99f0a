package io.fastship.platform.processing;

import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What processing a {@link TaskBatch} produced: the records to write in the transaction, how many leading records
 * of the batch were fully processed (their offsets are committed, the rest is polled again), and what to do once
 * the transaction has committed (apply staged state, count metrics) — never earlier, so an aborted transaction
 * leaves no trace in memory either.
 */
public record TaskResult(List<ProducerRecord<byte[], byte[]>> outputs, int processed, Runnable onCommit) {

    public TaskResult {
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(onCommit, "onCommit");
        if (processed < 0) {
            throw new IllegalArgumentException("processed must be >= 0, was " + processed);
        }
    }

    /** Every record of the batch was processed. */
    public static TaskResult complete(TaskBatch batch, List<ProducerRecord<byte[], byte[]>> outputs, Runnable onCommit) {
        return new TaskResult(outputs, batch.records().size(), onCommit);
    }
}
