package io.fastship.payment.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.fastship.payment.Sleeper;
import io.fastship.platform.processing.Backoff;

/**
 * Retries gateway calls that failed transiently, with exponential backoff, until a time budget is spent or the
 * caller says stop (its batch deadline passed). Both bound one record's processing time, so a batch stays well
 * inside its hard timeout and {@code max.poll.interval.ms}. Giving up here decides nothing: the caller leaves the
 * record for the next batch.
 */
public final class GatewayRetrier {

    private final Backoff backoff;
    private final Duration budget;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Runnable onRetry;

    /** The outcome of a call with retries: the response, or empty when the budget ran out. */
    public record Attempts(Optional<GatewayResponse> response, int attempts, Duration elapsed,
                           GatewayUnavailableException lastError) {
    }

    public GatewayRetrier(Backoff backoff, Duration budget, Clock clock, Sleeper sleeper, Runnable onRetry) {
        this.backoff = backoff;
        this.budget = budget;
        this.clock = clock;
        this.sleeper = sleeper;
        this.onRetry = onRetry;
    }

    public Attempts call(Supplier<GatewayResponse> call) {
        return call(call, () -> false);
    }

    /** Like {@link #call(Supplier)}, but no new attempt starts once {@code stop} is true (the first always runs). */
    public Attempts call(Supplier<GatewayResponse> call, BooleanSupplier stop) {
        Instant start = clock.instant();
        int attempt = 1;
        while (true) {
            try {
                return new Attempts(Optional.of(call.get()), attempt, Duration.between(start, clock.instant()), null);
            } catch (GatewayUnavailableException e) {
                Duration delay = backoff.delay(attempt);
                Duration elapsed = Duration.between(start, clock.instant());
                if (elapsed.plus(delay).compareTo(budget) > 0 || stop.getAsBoolean()
                        || Thread.currentThread().isInterrupted()) {
                    return new Attempts(Optional.empty(), attempt, elapsed, e);
                }
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new Attempts(Optional.empty(), attempt, Duration.between(start, clock.instant()), e);
                }
                onRetry.run();
                attempt++;
            }
        }
    }
}
