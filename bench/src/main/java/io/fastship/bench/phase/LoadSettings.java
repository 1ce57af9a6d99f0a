package io.fastship.bench.phase;

import java.time.Duration;

/**
 * How the open-loop phases run.
 *
 * @param window          how long each steady rate of the search (and the half-load run) lasts
 * @param endToEndLimit   the end-to-end p99 a sustainable rate must stay under
 * @param maxConnections  keep-alive connections the open-loop client may open
 * @param ceilingDuration how long the HTTP ceiling phase runs
 */
public record LoadSettings(Duration window, double startRate, double maxRate, int maxSteps, Duration endToEndLimit,
                           int maxConnections, Duration ceilingDuration, boolean skipSearch) {

    public LoadSettings {
        if (window.toMillis() < 1000) {
            throw new IllegalArgumentException("--rate-window must be at least 1s, was " + window);
        }
        if (!(startRate > 0) || maxRate < startRate) {
            throw new IllegalArgumentException("--start-rate must be > 0 and <= --max-rate, was " + startRate
                    + " and " + maxRate);
        }
        if (maxSteps < 1 || maxConnections < 1 || maxConnections > 4096) {
            throw new IllegalArgumentException("--max-steps must be >= 1 and --max-connections 1..4096, was "
                    + maxSteps + " and " + maxConnections);
        }
        if (endToEndLimit.isNegative() || endToEndLimit.isZero() || ceilingDuration.isNegative()
                || ceilingDuration.isZero()) {
            throw new IllegalArgumentException("--e2e-limit and --ceiling-duration must be positive");
        }
    }
}
