package io.fastship.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastship.platform.processing.Backoff;
import org.junit.jupiter.api.Test;

class GatewayRetrierTest {

    /** A clock that moves only when the retrier sleeps. */
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();
    private final GatewayResponse ok = new GatewayResponse(GatewayResponse.Outcome.AUTHORIZED, "ch_1", null);

    private GatewayRetrier retrier(Duration budget) {
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        return new GatewayRetrier(new Backoff(Duration.ofMillis(100), Duration.ofMillis(400)), budget, clock,
                delay -> {
                    sleeps.add(delay);
                    now = now.plus(delay);
                }, retries::incrementAndGet);
    }

    @Test
    void retriesWithExponentialBackoffUntilTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();

        GatewayRetrier.Attempts attempts = retrier(Duration.ofSeconds(10)).call(() -> {
            if (calls.incrementAndGet() <= 4) {
                throw new GatewayUnavailableException("down", false);
            }
            return ok;
        });

        assertThat(attempts.response()).contains(ok);
        assertThat(attempts.attempts()).isEqualTo(5);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(400));
        assertThat(retries).hasValue(4);
    }

    @Test
    void givesUpBeforeTheNextWaitWouldExceedTheBudget() {
        GatewayRetrier.Attempts attempts = retrier(Duration.ofMillis(1_000)).call(() -> {
            throw new GatewayUnavailableException("down", false);
        });

        // 100 + 200 + 400 = 700 ms slept; another 400 would end at 1100 > 1000.
        assertThat(attempts.response()).isEmpty();
        assertThat(attempts.attempts()).isEqualTo(4);
        assertThat(attempts.elapsed()).isEqualTo(Duration.ofMillis(700));
        assertThat(attempts.lastError()).hasMessage("down");
    }

    @Test
    void doesNotRetryAnAnswer() {
        GatewayRetrier.Attempts attempts = retrier(Duration.ofSeconds(1)).call(() -> ok);

        assertThat(attempts.attempts()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }
}
