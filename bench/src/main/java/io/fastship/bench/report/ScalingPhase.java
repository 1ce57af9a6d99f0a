package io.fastship.bench.report;

import java.util.List;

/** Payment throughput with more instances on the same partitions, under a simulated gateway latency. */
public record ScalingPhase(int gatewayLatencyMs, int partitions, int ordersPerStep, List<Step> steps) {

    /** One instance count: payment decisions per second once the group settled ({@code payments} paced), and the speed-up over the first step. */
    public record Step(int instances, long payments, double paymentsPerSec, double speedUp) {
    }

    public ScalingPhase {
        steps = List.copyOf(steps);
    }
}
