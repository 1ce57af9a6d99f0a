package io.fastship.order.view;

import java.time.Duration;

/**
 * The time against which the saga's deadlines are checked: the task's stream time, not the wall clock, and the
 * wall clock only once the task has provably nothing left to read.
 *
 * <p>Why stream time. A timeout must mean "no outcome arrived in time", not "we were slow to read it". The saga's
 * task reads one partition each of {@code orders}, {@code payments} and {@code inventory}; with
 * {@code max.task.idle.ms=0} (pinned in the order service) Kafka Streams processes the records that are already
 * on the brokers in timestamp order across those partitions, fetching a partition that has lag before it moves on.
 * So when the stream time has reached an order's deadline, every outcome stamped before the deadline has been
 * folded in already; one still missing was not produced in time. After a pause, a restart, a restore or under a
 * backlog the stream time stands still or moves only as fast as the records are read, and nothing is cancelled
 * merely because the saga was behind. (Streams offers no input-lag API inside a processor; this needs none.)
 *
 * <p>Why a wall-clock fallback. When no input arrives at all, the stream time stops and a genuinely missing
 * outcome would never time out. So when the task has been running without interruption and processed nothing for
 * {@code idleGrace}, its inputs are caught up (the consumer keeps fetching while the thread runs), and the wall
 * clock minus {@code idleGrace} is a safe lower bound of "what has been read". A gap between two wall-clock
 * punctuations longer than {@code stallAfter} (the process was stopped, the thread blocked) restarts that count,
 * because after such a gap nothing proves the inputs were read.
 */
final class DeadlineClock {

    static final long UNKNOWN = Long.MIN_VALUE;

    private final long idleGraceMs;
    private final long stallAfterMs;
    private long lastInputWallMs;
    private long runningSinceWallMs;
    private long lastTickWallMs;

    DeadlineClock(Duration idleGrace, Duration stallAfter, long startWallMs) {
        this.idleGraceMs = idleGrace.toMillis();
        this.stallAfterMs = stallAfter.toMillis();
        this.lastInputWallMs = startWallMs;
        this.runningSinceWallMs = startWallMs;
        // The start counts as a tick: a first punctuation long after it means the task was not running between.
        this.lastTickWallMs = startWallMs;
    }

    /** A record of the task was processed. */
    void recordProcessed(long wallMs) {
        lastInputWallMs = Math.max(lastInputWallMs, wallMs);
    }

    /** A wall-clock punctuation ran; a long gap since the last one means the task was not running. */
    void wallClockTick(long wallMs) {
        if (wallMs - lastTickWallMs > stallAfterMs) {
            runningSinceWallMs = wallMs;
        }
        lastTickWallMs = wallMs;
    }

    /**
     * The time up to which deadlines may be enforced, or {@link #UNKNOWN} when none may be.
     *
     * @param streamTimeMs the task's stream time (negative while no record was processed)
     */
    long enforceableUpTo(long streamTimeMs, long wallMs) {
        long byStream = streamTimeMs < 0 ? UNKNOWN : streamTimeMs;
        long quietSince = Math.max(lastInputWallMs, runningSinceWallMs);
        if (wallMs - quietSince >= idleGraceMs) {
            return Math.max(byStream, wallMs - idleGraceMs);
        }
        return byStream;
    }
}
