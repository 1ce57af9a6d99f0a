package io.fastship.schemas;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a topic is created: partitions, replication and the broker-side configs that matter for it.
 *
 * <p>All event topics share one partition count, so that they stay co-partitioned by orderId and
 * Kafka Streams can join them without repartitioning.
 *
 * @param logAppendTime records are stamped by the broker when appended ({@code message.timestamp.type=LogAppendTime}),
 *                      not by the producer: a reader then knows when a record reached the topic
 */
public record TopicSettings(int partitions, short replicationFactor, Cleanup cleanup, Duration retention,
                            int minInsyncReplicas, boolean logAppendTime) {

    /** Co-partitioned default for every order-keyed topic; consumers scale out up to this many instances. */
    public static final int DEFAULT_PARTITIONS = 6;
    /** Production replication; a single local broker gets {@link #forBrokers(int)} instead. */
    public static final short DEFAULT_REPLICATION = 3;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** Kafka's topic config for who stamps a record's timestamp. */
    public static final String TIMESTAMP_TYPE = "message.timestamp.type";

    /** Broker-side cleanup of a topic. */
    public enum Cleanup {
        DELETE("delete"), COMPACT("compact"),
        /** Compacted, and records older than the retention deleted too: a table of recent keys only. */
        COMPACT_DELETE("compact,delete");

        private final String config;

        Cleanup(String config) {
            this.config = config;
        }

        public String config() {
            return config;
        }
    }

    /** Settings whose records keep the producer's timestamp. */
    public TopicSettings(int partitions, short replicationFactor, Cleanup cleanup, Duration retention,
                         int minInsyncReplicas) {
        this(partitions, replicationFactor, cleanup, retention, minInsyncReplicas, false);
    }

    public TopicSettings {
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(retention, "retention");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replicationFactor must be >= 1, was " + replicationFactor);
        }
        if (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("minInsyncReplicas must be 1.." + replicationFactor + ", was "
                    + minInsyncReplicas);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
    }

    /** An order-keyed event stream: deleted after the retention, acks=all survives one broker loss. */
    public static TopicSettings events() {
        return new TopicSettings(DEFAULT_PARTITIONS, DEFAULT_REPLICATION, Cleanup.DELETE, DEFAULT_RETENTION, 2);
    }

    /** A compacted table: the latest record per key is kept forever. */
    public static TopicSettings compacted() {
        return new TopicSettings(DEFAULT_PARTITIONS, DEFAULT_REPLICATION, Cleanup.COMPACT, DEFAULT_RETENTION, 2);
    }

    /**
     * A compacted table whose records are also deleted after {@code retention}: state that expires. Its segments
     * roll at a quarter of the retention, because the broker deletes whole segments only, and never the active one.
     */
    public static TopicSettings expiringTable(Duration retention) {
        return new TopicSettings(DEFAULT_PARTITIONS, DEFAULT_REPLICATION, Cleanup.COMPACT_DELETE, retention, 2);
    }

    public TopicSettings withPartitions(int newPartitions) {
        return new TopicSettings(newPartitions, replicationFactor, cleanup, retention, minInsyncReplicas, logAppendTime);
    }

    public TopicSettings withRetention(Duration newRetention) {
        return new TopicSettings(partitions, replicationFactor, cleanup, newRetention, minInsyncReplicas, logAppendTime);
    }

    /** The same settings with records stamped by the broker on append. */
    public TopicSettings withLogAppendTime() {
        return new TopicSettings(partitions, replicationFactor, cleanup, retention, minInsyncReplicas, true);
    }

    /** Fits replication to a cluster of {@code brokers} nodes (one local broker: 1 replica, min ISR 1). */
    public TopicSettings forBrokers(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("brokers must be >= 1, was " + brokers);
        }
        short replicas = (short) Math.min(replicationFactor, brokers);
        return new TopicSettings(partitions, replicas, cleanup, retention, Math.min(minInsyncReplicas, replicas),
                logAppendTime);
    }

    /** Topic-level configs for {@code CreateTopics}, by Kafka's config names. */
    public Map<String, String> configs() {
        Map<String, String> configs = new TreeMap<>();
        configs.put("cleanup.policy", cleanup.config());
        configs.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
        if (cleanup != Cleanup.COMPACT) {
            configs.put("retention.ms", Long.toString(retention.toMillis()));
        }
        if (cleanup == Cleanup.COMPACT_DELETE) {
            configs.put("segment.ms", Long.toString(Math.max(1_000, retention.toMillis() / 4)));
        }
        if (logAppendTime) {
            configs.put(TIMESTAMP_TYPE, "LogAppendTime");
        }
        return configs;
    }
}
