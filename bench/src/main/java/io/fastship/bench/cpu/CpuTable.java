package io.fastship.bench.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU a phase cost, per process and per order: {@code (utime+stime after - before) / orders}.
 *
 * @param totalMsPerOrder the stack's processes (brokers, services), without the bench
 * @param processes       every process measured, the bench's own rows included ({@code stack} false)
 * @param clientMsPerOrder the bench's HTTP client thread alone (-1 if unknown)
 */
public record CpuTable(double seconds, long orders, double totalMsPerOrder, double totalCores,
                       List<Row> processes, double clientMsPerOrder) {

    /** One process: CPU seconds in the window, ms per order, and the cores it kept busy on average. */
    public record Row(String name, long pid, boolean stack, double cpuSeconds, double msPerOrder, double cores) {
    }

    /** Name of the bench's own JVM in the table. */
    public static final String BENCH = "bench";

    public CpuTable {
        processes = List.copyOf(processes);
    }

    public static CpuTable between(CpuSnapshot before, CpuSnapshot after, long orders) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        List<Row> rows = new ArrayList<>();
        double stackSeconds = 0;
        for (Map.Entry<String, Long> entry : before.ticks().entrySet()) {
            Long end = after.ticks().get(entry.getKey());
            if (end == null) {
                continue;
            }
            double cpu = (end - entry.getValue()) / (double) ProcStat.TICKS_PER_SECOND;
            boolean stack = !entry.getKey().startsWith(BENCH);
            if (stack) {
                stackSeconds += cpu;
            }
            rows.add(new Row(entry.getKey(), before.pids().get(entry.getKey()), stack, cpu, perOrder(cpu, orders),
                    seconds <= 0 ? 0 : cpu / seconds));
        }
        double client = before.clientCpuNanos() < 0 || after.clientCpuNanos() < 0 ? -1
                : perOrder((after.clientCpuNanos() - before.clientCpuNanos()) / 1e9, orders);
        return new CpuTable(seconds, orders, perOrder(stackSeconds, orders),
                seconds <= 0 ? 0 : stackSeconds / seconds, rows, client);
    }

    private static double perOrder(double cpuSeconds, long orders) {
        return orders <= 0 ? 0 : cpuSeconds * 1000.0 / orders;
    }
}
