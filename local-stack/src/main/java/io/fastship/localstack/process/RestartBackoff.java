package io.fastship.localstack.process;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a process that exited on its own: doubling from
 * {@code initial} up to {@code max}, and back to {@code initial} once a run lasted {@code stableAfter}
 * (a crash loop backs off; a crash after a long healthy run restarts at once).
 */
public record RestartBackoff(Duration initial, Duration max, Duration stableAfter) {

    /** 1 s, 2 s, 4 s ... 30 s; a run of a minute counts as healthy. */
    public static final RestartBackoff DEFAULT = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(1));

    public RestartBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || stableAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 < initial <= max and stableAfter >= 0");
        }
    }

    /** The delay before restart number {@code attempt} in a row (1 for the first). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        Duration delay = initial;
        for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The attempt number after a run of {@code uptime} that followed {@code previousAttempts} restarts in a row. */
    public int nextAttempt(int previousAttempts, Duration uptime) {
        return uptime.compareTo(stableAfter) >= 0 ? 1 : previousAttempts + 1;
    }
}
