package io.fastship.bench.report;

import java.util.List;
import java.util.Map;

import io.fastship.bench.baseline.ProducerPerformanceResult;
import io.fastship.bench.memory.ProcessMemory;
import io.fastship.bench.stats.LatencySummary;

/** A complete report with known numbers. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static BenchReport complete() {
        MachineInfo machine = new MachineInfo(2, 24L * 1024 * 1024 * 1024, "17.0.12", "OpenJDK 64-Bit Server VM 17",
                "Linux 6.1 amd64");
        BaselinePhase baseline = new BaselinePhase(187, 6, Map.of("acks", "all", "enable.idempotence", "true"),
                new ProducerPerformanceResult(500_000, 80_000, 14.27, 20.5, 300, 15, 60, 120));
        IntakePhase intake = new IntakePhase(64, 50_000, 49_990, Map.of(503, 10L), 0, "503 busy", 12.5, 3999.2,
                new LatencySummary(49_990, 12.3, 30.1, 45.7, 210.9, 14.2), 3999.2 / 80_000);
        EndToEndPhase e2e = new EndToEndPhase(49_990, 49_990, 49_980, 10, Map.of("timeout", 10L), 0, 0, 14.0,
                3570.7, new LatencySummary(49_990, 150.2, 900.5, 1500.1, 2500.0, 300.0));
        ScalingPhase scaling = new ScalingPhase(20, 6, 3000, List.of(new ScalingPhase.Step(1, 3000, 190.4, 1.0),
                new ScalingPhase.Step(2, 3000, 285.6, 1.5), new ScalingPhase.Step(4, 3000, 290.1, 1.52)));
        List<BenchReport.MemorySnapshot> memory = List.of(new BenchReport.MemorySnapshot("main",
                List.of(new ProcessMemory("kafka-broker", 100, 400L * 1024 * 1024),
                        new ProcessMemory("order-1", 101, 300L * 1024 * 1024), new ProcessMemory("gone", 102, -1))));
        return new BenchReport("2026-01-01T00:00:00Z", machine, "local stack", 50_000, 64, baseline, intake, e2e,
                scaling, memory, List.of("a note"), 321.4);
    }
}
