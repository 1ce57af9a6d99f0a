package io.fastship.bench.phase;

import java.time.Duration;

import io.fastship.bench.cpu.CpuSnapshot;
import io.fastship.bench.progress.Progress;
import io.fastship.bench.stack.StackHandle;
import io.fastship.bench.timeline.Timeline;
import org.apache.kafka.clients.admin.Admin;

/** What every phase on one stack shares: the stack, its admin client, the order flow and the timeline. */
public record PhaseContext(StackHandle stack, Admin admin, OrderFlow flow, Timeline timeline, Progress progress,
                           Duration finalTimeout) {

    /** CPU used so far by every process of the stack, the bench and its client thread. */
    public CpuSnapshot cpu() {
        return CpuSnapshot.take(stack.pids(), flow::clientCpuNanos);
    }
}
