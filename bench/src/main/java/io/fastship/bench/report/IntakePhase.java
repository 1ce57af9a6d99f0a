package io.fastship.bench.report;

import java.util.Map;

import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.stats.LatencySummary;

/**
 * Orders placed over HTTP at a fixed concurrency (closed loop, the lean client), with the CPU it cost per order.
 *
 * @param ratioToBaseline accepted orders/s divided by the baseline's records/s (0 without a baseline)
 */
public record IntakePhase(int concurrency, long submitted, long accepted, Map<Integer, Long> rejected, long failed,
                          String firstFailure, double seconds, double ordersPerSec, LatencySummary httpLatency,
                          double ratioToBaseline, CpuTable cpu) {

    public IntakePhase {
        rejected = Map.copyOf(rejected);
    }
}
