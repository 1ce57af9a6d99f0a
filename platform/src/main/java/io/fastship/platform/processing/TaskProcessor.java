package io.fastship.platform.processing;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;

/**
 * The application side of a {@link TransactionalLoop}: turns a task's records into output records.
 *
 * <p>{@link #process} may run on a pool thread, at most one call per task at a time. It must not change shared
 * state directly: it stages changes and applies them in {@link TaskResult#onCommit()}. An exception aborts the
 * whole transaction and the batch is polled again after a backoff, so throw only for transient trouble
 * (registry or gateway unreachable); a record that can never be processed must become a dead letter in the
 * outputs instead. Rebalance callbacks run on the loop thread, never while a task is running.
 */
public interface TaskProcessor {

    TaskResult process(TaskBatch batch) throws Exception;

    /** Partitions this instance now owns; restore their state here (runs inside {@code poll}). */
    default void partitionsAssigned(Collection<TopicPartition> partitions) {
    }

    /** Partitions this instance no longer owns (revoked or lost); drop their state. */
    default void partitionsRevoked(Collection<TopicPartition> partitions) {
    }

    /**
     * The state of these owned partitions may miss committed changes (a commit whose outcome was unknown, an
     * after-commit hook that failed): rebuild it from what the broker has. Runs on the loop thread between
     * batches; by default drops and restores the state as a rebalance would.
     */
    default void resync(Collection<TopicPartition> partitions) {
        partitionsRevoked(partitions);
        partitionsAssigned(partitions);
    }
}
