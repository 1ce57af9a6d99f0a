package io.fastship.bench.report;

import java.util.List;
import java.util.Map;

import io.fastship.bench.stats.LatencySummary;

/**
 * The search for the sustainable rate: every steady rate tried for {@code windowSeconds}, and the highest that
 * held (every group's lag bounded, end-to-end p99 under {@code endToEndLimitMs}, answers accepted, bench on time).
 */
public record SearchPhase(double windowSeconds, double endToEndLimitMs, List<Step> steps,
                          double sustainableOrdersPerSecond) {

    /**
     * One rate tried.
     *
     * @param lag      each group's verdict: "bounded" or why not
     * @param maxLag   each group's highest lag in the window
     * @param reason   why it did not hold; null if it did
     */
    public record Step(double rate, long sent, long accepted, long notAccepted, double acceptedPerSec,
                       double maxBehindMs, LatencySummary httpLatency, LatencySummary endToEnd, long missing,
                       Map<String, String> lag, Map<String, Long> maxLag, boolean sustained, String reason) {

        public Step {
            lag = Map.copyOf(lag);
            maxLag = Map.copyOf(maxLag);
        }
    }

    public SearchPhase {
        steps = List.copyOf(steps);
    }
}
