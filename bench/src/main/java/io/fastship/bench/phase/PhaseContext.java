package io.fastship.bench.phase;

import java.time.Duration;
import java.util.Map;

import io.fastship.bench.cpu.CpuSnapshot;
import io.fastship.bench.flow.GroupLags;
import io.fastship.bench.progress.Progress;
import io.fastship.bench.stack.StackHandle;
import io.fastship.bench.timeline.Timeline;
import org.apache.kafka.clients.admin.Admin;

/** What every phase on one stack shares: the stack, its admin client, the order flow and the timeline. */
public record PhaseContext(StackHandle stack, Admin admin, OrderFlow flow, Timeline timeline, Progress progress,
                           Duration finalTimeout) {

    /** At most this much lag per group counts as caught up: transaction markers leave a few records unread. */
    static final long SETTLED_LAG = 100;

    /**
     * Waits, up to the final timeout, until no consumer group of the stack lags by more than a few records. Orders
     * can be final while work they caused still waits (the refunds and releases of orders a burst timed out), and a
     * phase started on top of it would measure that backlog too; returns the largest lag left.
     */
    public long settle(String label) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + finalTimeout.toNanos();
        while (true) {
            Map<String, GroupLags.Reading> lags = GroupLags.now(admin);
            long worst = lags.values().stream().mapToLong(GroupLags.Reading::lag).max().orElse(Long.MAX_VALUE);
            long waitedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            if (worst <= SETTLED_LAG) {
                if (waitedSeconds > 0) {
                    progress.note(label + ": every consumer group caught up after " + waitedSeconds + " s");
                }
                return worst;
            }
            if (System.nanoTime() > deadline) {
                progress.note(label + ": a consumer group still lags by " + worst + " records after "
                        + finalTimeout + "; going on");
                return worst;
            }
            Thread.sleep(1_000);
        }
    }

    /** CPU used so far by every process of the stack, the bench and its client thread. */
    public CpuSnapshot cpu() {
        return CpuSnapshot.take(stack.pids(), flow::clientCpuNanos);
    }
}
