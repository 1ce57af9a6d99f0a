package io.fastship.bench.report;

import java.util.Locale;
import java.util.Map;

import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.flow.BrokerWrites;
import io.fastship.bench.load.LoadResult;

import static io.fastship.bench.report.TextReport.count;
import static io.fastship.bench.report.TextReport.latency;
import static io.fastship.bench.report.TextReport.line;

/** The text of the open-loop phases: headline figures, ceiling, search, half load, CPU, broker writes, soak. */
final class LoadText {

    private LoadText() {
    }

    static void headline(StringBuilder out, BenchReport report) {
        line(out, "Figures");
        line(out, "   HTTP ceiling            %s requests/s (GET /health/live)", count(report.httpCeiling()));
        line(out, "   intake / ceiling        %.3f", report.intakeToCeiling());
        line(out, "   sustainable rate        %s orders/s", count(report.sustainableOrdersPerSecond()));
        line(out, "   end to end at half load %s", report.endToEnd() == null ? "not run"
                : latency(report.endToEnd().latency()));
        CpuSummary cpu = report.cpuMsPerOrder();
        line(out, "   CPU per order           %s", cpu == null ? "not measured"
                : String.format(Locale.ROOT, "%.3f ms (stack, %s); bench %.3f ms, its HTTP client thread %.3f ms",
                cpu.total(), cpu.phase(), cpu.bench(), cpu.client()));
        if (cpu != null) {
            line(out, "   without JIT compiling   %.3f ms (what a long run converges to)", cpu.totalWithoutJit());
            StringBuilder each = new StringBuilder();
            cpu.perProcessWithoutJit().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> each
                    .append(each.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f", e.getKey(),
                            e.getValue())));
            cpu.external().forEach((name, ms) -> each.append(String.format(Locale.ROOT,
                    "; %s %.3f (simulated, not in the total)", name, ms)));
            line(out, "     per process, no JIT   %s", each);
        }
        BenchReport.WritesPerOrder writes = report.brokerWritesPerOrder();
        if (writes != null) {
            line(out, "   broker writes per order %.1f records, %,.0f B (half load)", writes.records(), writes.bytes());
        }
        out.append('\n');
    }

    static void ceiling(StringBuilder out, CeilingPhase ceiling) {
        if (ceiling == null) {
            line(out, "2. Ceiling     not run");
            out.append('\n');
            return;
        }
        LoadResult load = ceiling.load();
        line(out, "2. Ceiling     GET %s of the order service, same client, closed loop at concurrency %d",
                ceiling.path(), ceiling.concurrency());
        line(out, "   %s requests/s (%d in %.1f s, %d not 200); latency %s", count(load.acceptedPerSec()),
                load.accepted(), load.seconds(), load.sent() - load.accepted(), latency(load.serviceTime()));
        out.append('\n');
    }

    static void search(StringBuilder out, SearchPhase search) {
        if (search == null) {
            line(out, "5. Search      not run");
            out.append('\n');
            return;
        }
        line(out, "5. Search      steady rates for %.0f s each (open loop); holds if every group's lag stays bounded,",
                search.windowSeconds());
        line(out, "               end-to-end p99 < %.0f ms (from each order's due time), >= 99%% accepted",
                search.endToEndLimitMs());
        for (SearchPhase.Step step : search.steps()) {
            line(out, "   %6.0f/s  %-5s e2e p99 %7.1f ms, http p99 %6.1f ms, accepted %d/%d, max lag %s%s",
                    step.rate(), step.sustained() ? "holds" : "fails", step.endToEnd().p99Ms(),
                    step.httpLatency().p99Ms(), step.accepted(), step.sent(), step.maxLag(),
                    step.sustained() ? "" : " - " + step.reason());
        }
        line(out, "   sustainable: %s orders/s", count(search.sustainableOrdersPerSecond()));
        out.append('\n');
    }

    static void halfLoad(StringBuilder out, HalfLoadPhase half) {
        if (half == null) {
            line(out, "6. Half load   not run");
            out.append('\n');
            return;
        }
        EndToEndPhase e2e = half.endToEnd();
        line(out, "6. Half load   %.0f orders/s open loop for %.1f s; latencies from each order's due time",
                half.rate(), half.load().seconds());
        line(out, "   HTTP        %s (bench behind schedule at most %.1f ms)", latency(half.load().latency()),
                half.load().maxBehindMs());
        line(out, "   end to end  %s", latency(e2e.latency()));
        line(out, "   %d of %d final (%d confirmed, %d cancelled), missing %d", e2e.completed(), e2e.accepted(),
                e2e.confirmed(), e2e.cancelled(), e2e.missing());
        cpu(out, half.cpu());
        writes(out, half.brokerWrites());
        out.append('\n');
    }

    static void cpu(StringBuilder out, CpuTable cpu) {
        if (cpu == null) {
            return;
        }
        line(out, "   CPU over %.1f s, %d orders (/proc/<pid>/stat utime+stime): stack %.3f ms/order, %.2f cores; "
                        + "without JIT compiler threads %.3f ms/order", cpu.seconds(), cpu.orders(),
                cpu.totalMsPerOrder(), cpu.totalCores(), cpu.withoutJitMsPerOrder());
        for (CpuTable.Row row : cpu.processes()) {
            line(out, "     %-16s %8.2f s  %7.3f ms/order  %5.2f cores  (JIT %.3f)%s", row.name(), row.cpuSeconds(),
                    row.msPerOrder(), row.cores(), row.jitMsPerOrder(), row.stack() ? "" : "  (not in the stack total)");
        }
        if (cpu.clientMsPerOrder() >= 0) {
            line(out, "     %-16s %7.3f ms/order (part of the bench)", "bench HTTP client", cpu.clientMsPerOrder());
        }
    }

    static void writes(StringBuilder out, BrokerWrites writes) {
        line(out, "   broker wrote %.1f records and %s B per order (end offsets, log sizes)", writes.recordsPerOrder(),
                count(writes.bytesPerOrder()));
        for (Map.Entry<String, BrokerWrites.Topic> topic : writes.topics().entrySet()) {
            line(out, "     %-58s %6.2f rec %8s B", topic.getKey(), topic.getValue().recordsPerOrder(),
                    count(topic.getValue().bytesPerOrder()));
        }
    }

    static void soak(StringBuilder out, SoakPhase soak) {
        line(out, "Soak           %d orders at %.0f/s (%d accepted) over %.0f s, state retention %s", soak.orders(),
                soak.rate(), soak.accepted(), soak.seconds(), soak.stateRetention());
        if (soak.firstFailure() != null) {
            line(out, "   not accepted: %d; first: %s", soak.orders() - soak.accepted(), soak.firstFailure());
        }
        line(out, "   RSS (MiB)                        first tenth  last tenth   growth");
        soak.rss().forEach(g -> growth(out, g));
        line(out, "   store entries");
        if (soak.stores().isEmpty()) {
            line(out, "     n/a (no service reports fastship_state_entries)");
        }
        soak.stores().forEach(g -> growth(out, g));
        if (!soak.storesPerClosedOrder().isEmpty()) {
            line(out, "   store entries per order closed in the retention window before the sample");
            soak.storesPerClosedOrder().forEach(g -> growth(out, g, 3));
        }
        for (SoakPhase.Restart restart : soak.restarts()) {
            line(out, "   restart one %-10s %s", restart.service(), restart.seconds() < 0 ? "n/a"
                    : String.format(Locale.ROOT, "healthy after %.1f s", restart.seconds()));
        }
        cpu(out, soak.cpu());
        out.append('\n');
    }

    private static void growth(StringBuilder out, SoakPhase.Growth g) {
        growth(out, g, 1);
    }

    private static void growth(StringBuilder out, SoakPhase.Growth g, int digits) {
        String value = "%11." + digits + "f";
        line(out, "     %-28s " + value + " " + value + " %9s", g.name(), g.firstTenth(), g.lastTenth(), growth(g));
    }

    static String growth(SoakPhase.Growth g) {
        return g.growthPercent() == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", g.growthPercent());
    }
}
