package io.fastship.inspector.topics;

/**
 * One line of {@code topics}.
 *
 * @param retentionMs  {@code retention.ms}; -1 keeps forever
 * @param messages     end minus start offsets over all partitions (transaction markers count too)
 * @param bytes        size of one copy of the log on disk, or null when the cluster does not say
 */
public record TopicSummary(String topic, int partitions, int replicationFactor, Long retentionMs,
                           String cleanupPolicy, long messages, Long bytes) {
}
