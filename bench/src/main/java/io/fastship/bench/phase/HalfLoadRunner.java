package io.fastship.bench.phase;

import java.util.Locale;

import io.fastship.bench.cpu.CpuSnapshot;
import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.flow.BrokerWrites;
import io.fastship.bench.flow.TopicWrites;
import io.fastship.bench.load.Schedule;
import io.fastship.bench.report.EndToEndPhase;
import io.fastship.bench.report.HalfLoadPhase;

/**
 * A steady run at a given rate for the search window: end to end from each order's due time to its final status,
 * and over the window from the first order to the last final status the CPU and broker writes per order.
 */
public final class HalfLoadRunner {

    public static final String PHASE = "half load";

    private final PhaseContext context;
    private final LoadSettings settings;

    public HalfLoadRunner(PhaseContext context, LoadSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    public HalfLoadPhase run(double rate) throws InterruptedException {
        context.progress().note(String.format(Locale.ROOT, "Half load: %.0f orders/s for %d s", rate,
                settings.window().toSeconds()));
        context.timeline().phase("settle");
        context.settle("before " + PHASE);
        context.timeline().phase(PHASE);
        TopicWrites writesBefore = TopicWrites.now(context.admin());
        CpuSnapshot cpuBefore = context.cpu();
        OrderFlow.Placed placed = context.flow().placeAtRate(PHASE, rate,
                Schedule.count(rate, settings.window().toMillis() / 1000.0));
        context.flow().awaitFinals("final", placed.dueNanos().keySet(), context.finalTimeout());
        long gaveUp = System.nanoTime();
        CpuSnapshot cpuAfter = context.cpu();
        TopicWrites writesAfter = TopicWrites.now(context.admin());
        context.timeline().phase("after half load");
        long orders = placed.load().accepted();
        EndToEndPhase e2e = EndToEndPhase.of(placed.dueNanos(), context.flow().finals().snapshot(), 0, gaveUp);
        CpuTable cpu = CpuTable.between(cpuBefore, cpuAfter, orders);
        BrokerWrites writes = TopicWrites.between(writesBefore, writesAfter, orders);
        return new HalfLoadPhase(rate, placed.load(), e2e, cpu, writes);
    }
}
