package io.fastship.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fastship.bench.cpu.CpuTable;

/**
 * CPU ms per order of the phase named in {@code phase}: {@code total} over the stack's processes, each process,
 * the bench's JVM ({@code bench}) and its HTTP client thread ({@code client}).
 */
public record CpuSummary(String phase, double total, Map<String, Double> perProcess, double bench, double client) {

    public CpuSummary {
        perProcess = Map.copyOf(perProcess);
    }

    public static CpuSummary of(String phase, CpuTable table) {
        Map<String, Double> perProcess = new LinkedHashMap<>();
        double bench = 0;
        for (CpuTable.Row row : table.processes()) {
            if (row.stack()) {
                perProcess.put(row.name(), row.msPerOrder());
            } else {
                bench += row.msPerOrder();
            }
        }
        return new CpuSummary(phase, table.totalMsPerOrder(), perProcess, bench, table.clientMsPerOrder());
    }
}
