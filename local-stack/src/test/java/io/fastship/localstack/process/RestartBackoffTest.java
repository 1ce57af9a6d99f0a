package io.fastship.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private final RestartBackoff backoff = RestartBackoff.DEFAULT;

    @Test
    void doublesFromOneSecondUpToThirty() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aCrashLoopCountsUpAndALongHealthyRunStartsOver() {
        assertThat(backoff.nextAttempt(0, Duration.ofSeconds(3))).isEqualTo(1);
        assertThat(backoff.nextAttempt(3, Duration.ofSeconds(3))).isEqualTo(4);
        assertThat(backoff.nextAttempt(7, Duration.ofMinutes(2))).isEqualTo(1);
    }
}
