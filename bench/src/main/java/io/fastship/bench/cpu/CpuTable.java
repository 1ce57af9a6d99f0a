package io.fastship.bench.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU a phase cost, per process and per order: {@code (utime+stime after - before) / orders}.
 *
 * @param totalMsPerOrder the stack's processes (brokers, services), without the bench and the simulated gateway
 * @param processes       every process measured, the bench's own rows and the gateway included ({@code stack} false)
 * @param clientMsPerOrder the bench's HTTP client thread alone (-1 if unknown)
 * @param jitMsPerOrder   the part of {@code totalMsPerOrder} the stack's JIT compiler threads used: a warm-up cost
 *                        that a short run cannot amortise, so it is also shown without it
 */
public record CpuTable(double seconds, long orders, double totalMsPerOrder, double totalCores,
                       List<Row> processes, double clientMsPerOrder, double jitMsPerOrder) {

    /**
     * One process: CPU seconds in the window, ms per order, and the cores it kept busy on average.
     *
     * @param jitMsPerOrder the part of {@code msPerOrder} its JIT compiler threads used
     */
    public record Row(String name, long pid, boolean stack, double cpuSeconds, double msPerOrder, double cores,
                      double jitMsPerOrder) {

        /** A row without a JIT figure. */
        public Row(String name, long pid, boolean stack, double cpuSeconds, double msPerOrder, double cores) {
            this(name, pid, stack, cpuSeconds, msPerOrder, cores, 0);
        }

        /** The process's CPU per order once the JIT has compiled what it runs. */
        public double withoutJitMsPerOrder() {
            return msPerOrder - jitMsPerOrder;
        }
    }

    /** A table without JIT figures. */
    public CpuTable(double seconds, long orders, double totalMsPerOrder, double totalCores, List<Row> processes,
                    double clientMsPerOrder) {
        this(seconds, orders, totalMsPerOrder, totalCores, processes, clientMsPerOrder, 0);
    }

    /** The stack's CPU per order without its JIT compiler threads. */
    public double withoutJitMsPerOrder() {
        return totalMsPerOrder - jitMsPerOrder;
    }

    /** Name of the bench's own JVM in the table. */
    public static final String BENCH = "bench";
    /**
     * The simulated payment provider: a stand-in for a third party, so it is shown but not counted as the pipeline's
     * CPU (a real deployment does not run the provider on its own cores).
     */
    public static final String GATEWAY = "gateway";

    public CpuTable {
        processes = List.copyOf(processes);
    }

    public static CpuTable between(CpuSnapshot before, CpuSnapshot after, long orders) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        List<Row> rows = new ArrayList<>();
        double stackSeconds = 0;
        double stackJit = 0;
        for (Map.Entry<String, Long> entry : before.ticks().entrySet()) {
            Long end = after.ticks().get(entry.getKey());
            if (end == null) {
                continue;
            }
            double cpu = (end - entry.getValue()) / (double) ProcStat.TICKS_PER_SECOND;
            Long jitBefore = before.jitTicks().get(entry.getKey());
            Long jitAfter = after.jitTicks().get(entry.getKey());
            double jit = jitBefore == null || jitAfter == null ? 0
                    : Math.max(0, jitAfter - jitBefore) / (double) ProcStat.TICKS_PER_SECOND;
            boolean stack = inStack(entry.getKey());
            if (stack) {
                stackSeconds += cpu;
                stackJit += jit;
            }
            rows.add(new Row(entry.getKey(), before.pids().get(entry.getKey()), stack, cpu, perOrder(cpu, orders),
                    seconds <= 0 ? 0 : cpu / seconds, perOrder(jit, orders)));
        }
        double client = before.clientCpuNanos() < 0 || after.clientCpuNanos() < 0 ? -1
                : perOrder((after.clientCpuNanos() - before.clientCpuNanos()) / 1e9, orders);
        return new CpuTable(seconds, orders, perOrder(stackSeconds, orders),
                seconds <= 0 ? 0 : stackSeconds / seconds, rows, client, perOrder(stackJit, orders));
    }

    /** True for the brokers and services; false for the bench's JVM and the simulated gateway. */
    public static boolean inStack(String name) {
        return !name.startsWith(BENCH) && !name.startsWith(GATEWAY);
    }

    private static double perOrder(double cpuSeconds, long orders) {
        return orders <= 0 ? 0 : cpuSeconds * 1000.0 / orders;
    }
}
