package io.fastship.platform.processing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link TransactionalLoop} runs.
 *
 * @param name          used in thread names, logs and metric tags (usually the consumer group id)
 * @param topics        topics to subscribe to; with {@link TaskGrouping#PER_PARTITION_NUMBER} their order is the
 *                      processing order inside a task
 * @param grouping      how a poll is cut into tasks
 * @param parallelism   tasks processed at once (1 = on the loop thread); with {@link TaskGrouping#PER_KEY} and
 *                      I/O-bound tasks, well above the core count pays
 * @param pollTimeout   longest wait in one poll
 * @param batchDeadline after this long no new record of a batch is started (soft limit)
 * @param batchTimeout  a batch still running after this long is abandoned and its transaction aborted (hard limit;
 *                      keep it well below {@code max.poll.interval.ms})
 * @param failureBackoff wait before polling again after an aborted transaction
 * @param closeTimeout  bound of every wait while closing
 */
public record LoopSettings(String name, List<String> topics, TaskGrouping grouping, int parallelism,
                           Duration pollTimeout, Duration batchDeadline, Duration batchTimeout,
                           Backoff failureBackoff, Duration closeTimeout) {

    public LoopSettings {
        Objects.requireNonNull(name, "name");
        topics = List.copyOf(topics);
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(batchDeadline, "batchDeadline");
        Objects.requireNonNull(batchTimeout, "batchTimeout");
        Objects.requireNonNull(failureBackoff, "failureBackoff");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("at least one topic is needed");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        if (batchTimeout.compareTo(batchDeadline) <= 0) {
            throw new IllegalArgumentException("batchTimeout " + batchTimeout + " must exceed batchDeadline "
                    + batchDeadline);
        }
    }

    /** Defaults for everything but the name, topics and grouping. */
    public static LoopSettings defaults(String name, List<String> topics, TaskGrouping grouping) {
        return new LoopSettings(name, topics, grouping, 1, Duration.ofMillis(500), Duration.ofSeconds(20),
                Duration.ofSeconds(60), new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10)),
                Duration.ofSeconds(15));
    }

    public LoopSettings withParallelism(int threads) {
        return new LoopSettings(name, topics, grouping, threads, pollTimeout, batchDeadline, batchTimeout,
                failureBackoff, closeTimeout);
    }

    public LoopSettings withBatchLimits(Duration deadline, Duration timeout) {
        return new LoopSettings(name, topics, grouping, parallelism, pollTimeout, deadline, timeout,
                failureBackoff, closeTimeout);
    }

    public LoopSettings withFailureBackoff(Backoff backoff) {
        return new LoopSettings(name, topics, grouping, parallelism, pollTimeout, batchDeadline, batchTimeout,
                backoff, closeTimeout);
    }

    public LoopSettings withCloseTimeout(Duration timeout) {
        return new LoopSettings(name, topics, grouping, parallelism, pollTimeout, batchDeadline, batchTimeout,
                failureBackoff, timeout);
    }
}
