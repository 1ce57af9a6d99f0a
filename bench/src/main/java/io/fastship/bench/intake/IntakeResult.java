package io.fastship.bench.intake;

import java.util.Map;

import io.fastship.bench.stats.LatencySummary;

/**
 * What happened to a batch of HTTP submissions.
 *
 * @param submitNanos when each accepted order was sent ({@code System.nanoTime()}), by order id
 * @param rejected    answers other than 202, by status code
 */
public record IntakeResult(long submitted, long accepted, Map<Integer, Long> rejected, long failed, String firstFailure,
                           long elapsedNanos, LatencySummary latency, Map<String, Long> submitNanos) {

    public IntakeResult {
        rejected = Map.copyOf(rejected);
        submitNanos = Map.copyOf(submitNanos);
    }
}
