package io.fastship.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fastship.bench.cpu.CpuTable;

/**
 * CPU ms per order of the phase named in {@code phase}: {@code total} over the stack's processes, each process,
 * the bench's JVM ({@code bench}) and its HTTP client thread ({@code client}), and processes outside the pipeline
 * ({@code external}: the simulated payment gateway). {@code totalWithoutJit} and {@code perProcessWithoutJit} leave
 * out the JIT compiler threads: a warm-up cost that a short run cannot amortise, so those are the figures to compare
 * between two short runs, and the ones a long run converges to.
 */
public record CpuSummary(String phase, double total, Map<String, Double> perProcess, double bench, double client,
                         Map<String, Double> external, double totalWithoutJit, Map<String, Double> perProcessWithoutJit) {

    public CpuSummary {
        perProcess = Map.copyOf(perProcess);
        external = Map.copyOf(external);
        perProcessWithoutJit = Map.copyOf(perProcessWithoutJit);
    }

    public static CpuSummary of(String phase, CpuTable table) {
        Map<String, Double> perProcess = new LinkedHashMap<>();
        Map<String, Double> external = new LinkedHashMap<>();
        Map<String, Double> withoutJit = new LinkedHashMap<>();
        double bench = 0;
        for (CpuTable.Row row : table.processes()) {
            if (row.stack()) {
                perProcess.put(row.name(), row.msPerOrder());
                withoutJit.put(row.name(), row.withoutJitMsPerOrder());
            } else if (row.name().startsWith(CpuTable.BENCH)) {
                bench += row.msPerOrder();
            } else {
                external.put(row.name(), row.msPerOrder());
            }
        }
        return new CpuSummary(phase, table.totalMsPerOrder(), perProcess, bench, table.clientMsPerOrder(), external,
                table.withoutJitMsPerOrder(), withoutJit);
    }
}
