package io.fastship.bench.phase;

import java.time.Duration;
import java.util.Optional;

/**
 * The soak: {@code --orders} at {@code rate} per second, sampled every {@code sampleInterval}; the stack the
 * bench starts gets {@code STATE_RETENTION} (ISO-8601) when a retention is given.
 */
public record SoakSettings(boolean enabled, double rate, Duration sampleInterval, Optional<Duration> stateRetention) {

    public SoakSettings {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--soak-rate must be > 0, was " + rate);
        }
        if (sampleInterval.toMillis() < 100) {
            throw new IllegalArgumentException("--sample-interval must be at least 100ms, was " + sampleInterval);
        }
    }
}
