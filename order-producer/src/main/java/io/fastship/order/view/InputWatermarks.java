package io.fastship.order.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far the saga's task has read each outcome input: per source topic, the highest record timestamp processed and
 * when (wall clock) its last record was processed. The task reads one partition of each topic, so a topic stands
 * for its partition.
 *
 * <p>Why per input, and why that is enough. The outcome topics ({@code payments}, {@code inventory}) stamp records
 * with the broker's {@code LogAppendTime}, and a read_committed reader sees one partition in offset order up to the
 * last stable offset. So once a record appended at time T has been read from a partition, every record appended
 * there before T has been read as well (or was aborted). The minimum over both outcome inputs is the time up to which
 * "no outcome arrived" is a fact, whatever the orders partition did meanwhile. The task's stream time is not: it is
 * the maximum over all inputs, so newer orders move it on while an outcome appended earlier still waits behind an
 * open transaction or a leader failover.
 */
final class InputWatermarks {

    static final long UNKNOWN = Long.MIN_VALUE;

    private final List<String> required;
    private final Map<String, Long> highest = new HashMap<>();
    private final Map<String, Long> lastReadWall = new HashMap<>();

    /** @param required the inputs whose progress bounds the deadline (the outcome topics) */
    InputWatermarks(List<String> required) {
        if (required.isEmpty()) {
            throw new IllegalArgumentException("at least one input must bound the deadline");
        }
        this.required = List.copyOf(required);
    }

    /** A record of {@code topic} stamped {@code timestampMs} was processed at {@code wallMs}; other topics are ignored. */
    void observe(String topic, long timestampMs, long wallMs) {
        if (required.contains(topic)) {
            highest.merge(topic, timestampMs, Math::max);
            lastReadWall.merge(topic, wallMs, Math::max);
        }
    }

    /**
     * The time up to which every required input has provably been read, or {@link #UNKNOWN}. An input that has
     * been quiet for {@code idleGraceMs} of a task that ran all along ({@code runningSinceWallMs}) counts as read up
     * to {@code wallMs - idleGraceMs}: the consumer keeps fetching while the thread runs, so nothing of it is waiting.
     */
    long readUpTo(long wallMs, long idleGraceMs, long runningSinceWallMs) {
        long min = Long.MAX_VALUE;
        for (String topic : required) {
            long mark = highest.getOrDefault(topic, UNKNOWN);
            long quietSince = Math.max(lastReadWall.getOrDefault(topic, runningSinceWallMs), runningSinceWallMs);
            if (wallMs - quietSince >= idleGraceMs) {
                mark = Math.max(mark, wallMs - idleGraceMs);
            }
            min = Math.min(min, mark);
        }
        return min;
    }
}
