package io.fastship.bench.cpu;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * CPU used so far by each named process at one moment (ticks from {@code /proc}), plus the bench's HTTP client
 * thread (nanoseconds from the JVM), so two snapshots give the CPU a phase cost.
 *
 * @param jitTicks the part of {@code ticks} the JIT compiler threads used (processes that could not be read: none)
 */
public record CpuSnapshot(long nanos, Map<String, Long> pids, Map<String, Long> ticks, long clientCpuNanos,
                          Map<String, Long> jitTicks) {

    public CpuSnapshot {
        pids = Map.copyOf(pids);
        ticks = Map.copyOf(ticks);
        jitTicks = Map.copyOf(jitTicks);
    }

    /** A snapshot without JIT figures. */
    public CpuSnapshot(long nanos, Map<String, Long> pids, Map<String, Long> ticks, long clientCpuNanos) {
        this(nanos, pids, ticks, clientCpuNanos, Map.of());
    }

    /** Reads every process in {@code pids} (name to pid; those gone are left out) and the client thread. */
    public static CpuSnapshot take(Map<String, Long> pids, LongSupplier clientCpuNanos) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<String, Long> jit = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            OptionalLong used = ProcStat.cpuTicks(pid);
            used.ifPresent(value -> ticks.put(name, value));
            ProcStat.jitTicks(pid).ifPresent(value -> jit.put(name, value));
        });
        return new CpuSnapshot(System.nanoTime(), pids, ticks, clientCpuNanos.getAsLong(), jit);
    }
}
