package io.fastship.bench.report;

import java.util.List;
import java.util.Map;

import io.fastship.bench.baseline.ProducerPerformanceResult;
import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.flow.BrokerWrites;
import io.fastship.bench.flow.GroupLags;
import io.fastship.bench.load.LoadResult;
import io.fastship.bench.memory.ProcessMemory;
import io.fastship.bench.stats.LatencySummary;
import io.fastship.bench.stats.PercentilePoint;
import io.fastship.bench.timeline.Sample;

/** Complete reports with known numbers. */
final class ReportFixtures {

    static final MachineInfo MACHINE = new MachineInfo(2, 24L * 1024 * 1024 * 1024, "17.0.12",
            "OpenJDK 64-Bit Server VM 17", "Linux 6.1 amd64");

    private ReportFixtures() {
    }

    static BenchReport complete() {
        BaselinePhase baseline = new BaselinePhase(187, 6, Map.of("acks", "all", "enable.idempotence", "true"),
                new ProducerPerformanceResult(500_000, 80_000, 14.27, 20.5, 300, 15, 60, 120));
        CeilingPhase ceiling = new CeilingPhase("/health/live", 64, load(0, 40_000, 8000.0));
        CpuTable intakeCpu = cpu(49_990, 1.5);
        IntakePhase intake = new IntakePhase(64, 50_000, 49_990, Map.of(503, 10L), 0, "503 busy", 12.5, 3999.2,
                new LatencySummary(49_990, 12.3, 30.1, 45.7, 210.9, 14.2), 3999.2 / 80_000, intakeCpu);
        EndToEndPhase intakeE2e = new EndToEndPhase(49_990, 49_990, 49_980, 10, Map.of("timeout", 10L), 0, 0, 14.0,
                3570.7, new LatencySummary(49_990, 150.2, 900.5, 1500.1, 2500.0, 300.0), List.of());
        SearchPhase search = new SearchPhase(60, 1000, List.of(
                step(400, true, null), step(800, true, null),
                step(1600, false, "end-to-end p99 2300 ms; payment-service lag grew 410/s")), 800);
        EndToEndPhase e2e = new EndToEndPhase(24_000, 24_000, 24_000, 0, Map.of(), 0, 0, 60.4, 397.3,
                new LatencySummary(24_000, 80.5, 120.25, 140.75, 380.0, 85.0),
                List.of(new PercentilePoint(0, 20), new PercentilePoint(50, 80.5), new PercentilePoint(99, 140.75),
                        new PercentilePoint(100, 380)));
        CpuTable halfCpu = cpu(24_000, 0.9);
        BrokerWrites writes = new BrokerWrites(24_000, 240_000, 48_000_000, 10, 2000,
                Map.of("orders", new BrokerWrites.Topic(24_000, 4_800_000, 1, 200)));
        HalfLoadPhase half = new HalfLoadPhase(400, load(400, 24_000, 399.0), e2e, halfCpu, writes);
        ScalingPhase scaling = new ScalingPhase(20, 6, 3000, List.of(new ScalingPhase.Step(1, 3000, 190.4, 1.0),
                new ScalingPhase.Step(2, 3000, 285.6, 1.5), new ScalingPhase.Step(4, 3000, 290.1, 1.52)));
        List<BenchReport.MemorySnapshot> memory = List.of(new BenchReport.MemorySnapshot("main",
                List.of(new ProcessMemory("kafka-broker", 100, 400L * 1024 * 1024),
                        new ProcessMemory("order-1", 101, 300L * 1024 * 1024), new ProcessMemory("gone", 102, -1))));
        List<Sample> timeline = List.of(
                new Sample(1.0, "half load", 0, 0, Map.of("payment-service", new GroupLags.Reading(5, 100)),
                        Map.of(), Map.of()),
                new Sample(2.0, "half load", 400, 390, Map.of("payment-service", new GroupLags.Reading(7, 500)),
                        Map.of(), Map.of()));
        return new BenchReport("2026-01-01T00:00:00Z", MACHINE, "local stack", 50_000, 64, baseline, ceiling,
                8000.0, intake, 0.4999, intakeE2e, search, 800, half, e2e, CpuSummary.of("half load", halfCpu), null,
                scaling, memory, timeline, List.of("a note"), 321.4);
    }

    static BenchReport soak() {
        CpuTable cpu = cpu(1000, 1.0);
        SoakPhase soak = new SoakPhase(300, 1000, 1000, null, "PT10M", 3.3,
                List.of(new SoakPhase.Growth("payment-1", 200, 210, 5.0)),
                List.of(new SoakPhase.Growth("payment-1/outcomes", 0, 500, null)),
                List.of(new SoakPhase.Growth("payment-1/outcomes", 0.98, 1.01, 3.1)),
                List.of(new SoakPhase.Restart("payment", 4.25), new SoakPhase.Restart("order", -1)), cpu);
        List<Sample> timeline = List.of(
                new Sample(1.0, "soak", 0, 0, Map.of(), Map.of("payment-1", 200L << 20), Map.of("payment-1/outcomes", 0.0)),
                new Sample(4.3, "soak", 1000, 1000, Map.of(), Map.of("payment-1", 210L << 20),
                        Map.of("payment-1/outcomes", 500.0)));
        return new BenchReport("2026-01-01T00:00:00Z", MACHINE, "local stack", 1000, 64, null, null, 0, null, 0,
                null, null, 0, null, null, CpuSummary.of("soak", cpu), soak, null, List.of(), timeline, List.of(), 9);
    }

    /** A stack of a broker and an order service, each {@code msPerOrder / 2}, plus the bench. */
    static CpuTable cpu(long orders, double msPerOrder) {
        double each = msPerOrder / 2;
        double seconds = each * orders / 1000;
        return new CpuTable(60, orders, msPerOrder, 2 * seconds / 60, List.of(
                new CpuTable.Row("broker-1", 100, true, seconds, each, seconds / 60),
                new CpuTable.Row("order-1", 101, true, seconds, each, seconds / 60),
                new CpuTable.Row("bench+registry", 99, false, 0.6, 0.6 * 1000 / orders, 0.01)), 0.02);
    }

    private static LoadResult load(double rate, long accepted, double perSec) {
        return new LoadResult(rate, accepted, accepted, Map.of(), 0, null, accepted / perSec, perSec,
                new LatencySummary(accepted, 2.5, 4.0, 6.0, 30.0, 3.0),
                new LatencySummary(accepted, 2.0, 3.5, 5.0, 25.0, 2.5),
                List.of(new PercentilePoint(50, 2.5), new PercentilePoint(99, 6.0)), 0.4);
    }

    private static SearchPhase.Step step(double rate, boolean holds, String reason) {
        return new SearchPhase.Step(rate, (long) rate * 60, (long) rate * 60, 0, rate, 0.5,
                new LatencySummary(100, 2, 3, 4, 5, 2), new LatencySummary(100, 90, 200, holds ? 300 : 2300, 4000, 120),
                0, Map.of("payment-service", holds ? "bounded" : "lag grew 410/s"),
                Map.of("payment-service", holds ? 20L : 25_000L), holds, reason);
    }
}
