package io.fastship.order.view;

import java.time.Duration;
import java.util.List;

/**
 * The time against which the saga's deadlines are checked: how far both outcome inputs have been read
 * ({@link InputWatermarks}), not the wall clock and not the task's stream time, and the wall clock only for an input
 * that has provably nothing left to read.
 *
 * <p>Why. A timeout must mean "no outcome arrived in time", not "we were slow to read it". After a pause, a restart,
 * a restore, a broker failover or under a backlog the outcome watermarks stand still or move only as fast as the
 * records are read, so nothing is cancelled merely because the saga (or a partition) was behind. (Streams offers no
 * input-lag API inside a processor; this needs none.)
 *
 * <p>Why a wall-clock fallback, and no longer backstop. When an outcome input receives nothing (its service is down,
 * or there is simply no traffic), its watermark stops and a genuinely missing outcome would never time out. So when
 * the task has been running without interruption and processed nothing of that input for {@code idleGrace}, the
 * input is caught up (the consumer keeps fetching while the thread runs), and the wall clock minus
 * {@code idleGrace} is a safe lower bound of what has been read from it. This also is the backstop for an outcome
 * service that is down: its orders time out {@code idleGrace} after their deadline, so no longer backstop is needed.
 * The one case it misjudges is an input whose committed records stay unfetchable for longer than
 * {@code idleGrace} while the task runs (a partition without a leader, a transaction held open by a stalled broker);
 * such an outcome is lost to the timeout only if it also became readable later than deadline + {@code idleGrace}.
 * A gap between two signs of life longer than {@code stallAfter} (the process was stopped, the thread blocked)
 * restarts the quiet count, because after such a gap nothing proves the inputs were read.
 */
final class DeadlineClock {

    static final long UNKNOWN = InputWatermarks.UNKNOWN;

    private final InputWatermarks watermarks;
    private final long idleGraceMs;
    private final long stallAfterMs;
    private long runningSinceWallMs;
    private long lastAliveWallMs;

    DeadlineClock(List<String> outcomeTopics, Duration idleGrace, Duration stallAfter, long startWallMs) {
        this.watermarks = new InputWatermarks(outcomeTopics);
        this.idleGraceMs = idleGrace.toMillis();
        this.stallAfterMs = stallAfter.toMillis();
        this.runningSinceWallMs = startWallMs;
        // The start counts as a sign of life: a first call long after it means the task was not running between.
        this.lastAliveWallMs = startWallMs;
    }

    /** A record of {@code topic} stamped {@code timestampMs} was processed. */
    void recordProcessed(String topic, long timestampMs, long wallMs) {
        alive(wallMs);
        watermarks.observe(topic, timestampMs, wallMs);
    }

    /** A wall-clock punctuation ran. */
    void wallClockTick(long wallMs) {
        alive(wallMs);
    }

    /** The time up to which deadlines may be enforced, or {@link #UNKNOWN} when none may be. */
    long enforceableUpTo(long wallMs) {
        alive(wallMs);
        return watermarks.readUpTo(wallMs, idleGraceMs, runningSinceWallMs);
    }

    // Every call is a sign of life; after a long silence (SIGSTOP, a blocked thread) the task counts as just started.
    private void alive(long wallMs) {
        if (wallMs - lastAliveWallMs > stallAfterMs) {
            runningSinceWallMs = wallMs;
        }
        lastAliveWallMs = Math.max(lastAliveWallMs, wallMs);
    }
}
