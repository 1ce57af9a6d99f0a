package io.fastship.bench.phase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.fastship.bench.cpu.CpuSnapshot;
import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.report.SoakPhase;
import io.fastship.bench.soak.SoakAnalysis;
import io.fastship.bench.timeline.Sample;
import io.fastship.localstack.process.ServiceKind;

/**
 * The soak: {@code orders} at a steady rate while the timeline samples RSS and store entries, then one instance
 * of each service restarted and timed until healthy.
 */
public final class SoakRunner {

    public static final String PHASE = "soak";

    private final PhaseContext context;
    private final SoakSettings settings;

    public SoakRunner(PhaseContext context, SoakSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    public SoakPhase run(long orders) throws InterruptedException {
        context.progress().note(String.format(Locale.ROOT, "Soak: %d orders at %.0f orders/s (about %.0f min), "
                + "state retention %s", orders, settings.rate(), orders / settings.rate() / 60,
                settings.stateRetention().map(Duration::toString).orElse("the services' default")));
        context.timeline().soak(true);
        context.timeline().phase(PHASE);
        CpuSnapshot before = context.cpu();
        OrderFlow.Placed placed = context.flow().placeAtRate(PHASE, settings.rate(), orders);
        context.flow().awaitFinals("final", placed.dueNanos().keySet(), context.finalTimeout());
        CpuSnapshot after = context.cpu();
        context.timeline().phase("restarts");
        context.timeline().soak(false);
        List<Sample> samples = context.timeline().samples(PHASE);
        List<SoakPhase.Restart> restarts = new ArrayList<>();
        for (ServiceKind kind : List.of(ServiceKind.PAYMENT, ServiceKind.INVENTORY, ServiceKind.ORDER)) {
            context.progress().note("Restarting one " + kind.shortName() + " instance");
            double seconds = context.stack().restartOne(kind).map(d -> d.toMillis() / 1000.0).orElse(-1.0);
            restarts.add(new SoakPhase.Restart(kind.shortName(), seconds));
        }
        double span = samples.size() < 2 ? 0 : samples.get(samples.size() - 1).seconds() - samples.get(0).seconds();
        // State grows during the first retention window by design; flat means flat after it.
        List<Sample> compared = settings.stateRetention().map(r -> SoakAnalysis.afterWarmUp(samples, r))
                .orElse(samples);
        String retention = settings.stateRetention().map(r -> r + (compared.size() < samples.size()
                ? " (tenths compared after the first retention window)" : "")).orElse("default");
        return new SoakPhase(settings.rate(), orders, placed.load().accepted(), placed.load().firstFailure(),
                retention, span, SoakAnalysis.rss(compared), SoakAnalysis.stores(compared),
                settings.stateRetention().map(r -> SoakAnalysis.storesPerClosedOrder(samples, compared, r))
                        .orElse(List.of()),
                restarts,
                CpuTable.between(before, after, placed.load().accepted()));
    }
}
