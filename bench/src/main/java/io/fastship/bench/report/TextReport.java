package io.fastship.bench.report;

import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.fastship.bench.memory.ProcessMemory;
import io.fastship.bench.stats.LatencySummary;

/** The report as people read it: one block per phase, numbers with their units. */
public final class TextReport {

    private static final double MIB = 1024.0 * 1024.0;
    private static final double GIB = MIB * 1024.0;

    private TextReport() {
    }

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        MachineInfo machine = report.machine();
        line(out, "FastShip benchmark, %s", report.startedAt());
        line(out, "Machine  %d cores, %.1f GiB, Java %s (%s), %s", machine.cores(), machine.memoryBytes() / GIB,
                machine.javaVersion(), machine.javaVm(), machine.os());
        line(out, "Stack    %s", report.stack());
        out.append('\n');
        LoadText.headline(out, report);
        if (report.soak() != null) {
            LoadText.soak(out, report.soak());
        } else {
            baseline(out, report.baseline());
            LoadText.ceiling(out, report.ceiling());
            intake(out, report.intake(), report.baseline() != null, report.intakeToCeiling());
            endToEnd(out, report.intakeEndToEnd());
            LoadText.search(out, report.search());
            LoadText.halfLoad(out, report.halfLoad());
            scaling(out, report.scaling());
        }
        memory(out, report);
        if (!report.notes().isEmpty()) {
            line(out, "Notes");
            report.notes().forEach(note -> line(out, "  - %s", note));
        }
        line(out, "Total %.0f s", report.totalSeconds());
        return out.toString();
    }

    private static void baseline(StringBuilder out, BaselinePhase baseline) {
        if (baseline == null) {
            line(out, "1. Baseline    not run");
            out.append('\n');
            return;
        }
        var r = baseline.result();
        String props = new TreeMap<>(baseline.producerProps()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        line(out, "1. Baseline    Kafka ProducerPerformance: %d records of %d B on %d partitions, %s",
                r.records(), baseline.recordSize(), baseline.partitions(), props);
        line(out, "   %s records/s (%.2f MB/s); latency avg %.1f ms, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
                count(r.recordsPerSec()), r.mbPerSec(), r.avgLatencyMs(), r.p50Ms(), r.p95Ms(), r.p99Ms(),
                r.maxLatencyMs());
        out.append('\n');
    }

    private static void intake(StringBuilder out, IntakePhase intake, boolean hasBaseline, double toCeiling) {
        if (intake == null) {
            line(out, "3. Intake      not run");
            out.append('\n');
            return;
        }
        line(out, "3. Intake      POST /orders, closed loop at concurrency %d (lean HTTP/1.1 keep-alive client)",
                intake.concurrency());
        line(out, "   accepted %d of %d in %.1f s: %s orders/s%s, %.3f of the HTTP ceiling", intake.accepted(),
                intake.submitted(), intake.seconds(), count(intake.ordersPerSec()), hasBaseline
                        ? String.format(Locale.ROOT, " = %.3f of the baseline", intake.ratioToBaseline()) : "",
                toCeiling);
        line(out, "   HTTP latency %s", latency(intake.httpLatency()));
        LoadText.cpu(out, intake.cpu());
        if (!intake.rejected().isEmpty() || intake.failed() > 0) {
            line(out, "   rejected %s, failed %d; first: %s", new TreeMap<>(intake.rejected()), intake.failed(),
                    intake.firstFailure());
        }
        out.append('\n');
    }

    private static void endToEnd(StringBuilder out, EndToEndPhase e2e) {
        if (e2e == null) {
            line(out, "4. Intake end to end  not run");
            out.append('\n');
            return;
        }
        line(out, "4. Intake end to end  submit -> final status on order-status (read_committed), backlog "
                + "of the burst included");
        line(out, "   %d of %d orders final: %d confirmed, %d cancelled; missing %d, duplicates %d",
                e2e.completed(), e2e.accepted(), e2e.confirmed(), e2e.cancelled(), e2e.missing(), e2e.duplicates());
        line(out, "   %s orders/s completed over %.1f s", count(e2e.ordersPerSec()), e2e.seconds());
        line(out, "   latency %s", latency(e2e.latency()));
        if (!e2e.cancelledReasons().isEmpty()) {
            line(out, "   cancelled because: %s", new TreeMap<>(e2e.cancelledReasons()));
        }
        out.append('\n');
    }

    private static void scaling(StringBuilder out, ScalingPhase scaling) {
        if (scaling == null) {
            line(out, "7. Scaling     not run");
            out.append('\n');
            return;
        }
        line(out, "7. Scaling     payment instances on %d partitions, gateway latency %d ms, %d orders per step",
                scaling.partitions(), scaling.gatewayLatencyMs(), scaling.ordersPerStep());
        for (ScalingPhase.Step step : scaling.steps()) {
            line(out, "   %d instance%s %s payments/s  speed-up x%.2f", step.instances(),
                    step.instances() == 1 ? ": " : "s:", count(step.paymentsPerSec()), step.speedUp());
        }
        out.append('\n');
    }

    private static void memory(StringBuilder out, BenchReport report) {
        if (report.memory().isEmpty()) {
            return;
        }
        line(out, "Memory (RSS, /proc/<pid>/status VmRSS)");
        for (BenchReport.MemorySnapshot snapshot : report.memory()) {
            String processes = snapshot.processes().stream().map(TextReport::rss).collect(Collectors.joining(", "));
            line(out, "   %s: %s", snapshot.label(), processes);
        }
        out.append('\n');
    }

    private static String rss(ProcessMemory memory) {
        return memory.known() ? String.format(Locale.ROOT, "%s %.0f MiB", memory.name(), memory.rssBytes() / MIB)
                : memory.name() + " ?";
    }

    static String latency(LatencySummary latency) {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
                latency.p50Ms(), latency.p95Ms(), latency.p99Ms(), latency.maxMs(), latency.count());
    }

    static String count(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
