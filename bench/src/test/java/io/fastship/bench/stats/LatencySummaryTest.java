package io.fastship.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldGivePercentilesInMillisecondsFromNanosecondSamples() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int ms = 1; ms <= 100; ms++) {
            recorder.record(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        LatencySummary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isCloseTo(50, within(0.1));
        assertThat(summary.p95Ms()).isCloseTo(95, within(0.1));
        assertThat(summary.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(summary.maxMs()).isCloseTo(100, within(0.1));
        assertThat(summary.meanMs()).isCloseTo(50.5, within(0.1));
    }

    @Test
    void shouldBeAllZeroWithoutSamples() {
        assertThat(new LatencyRecorder().summary()).isEqualTo(LatencySummary.EMPTY);
    }

    @Test
    void shouldTreatAClockThatWentBackAsZero() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(-5);

        assertThat(recorder.summary().maxMs()).isZero();
        assertThat(recorder.count()).isEqualTo(1);
    }

    @Test
    void shouldNeverDivideByZero() {
        assertThat(Rates.perSecond(10, 0)).isZero();
        assertThat(Rates.perSecond(500, TimeUnit.MILLISECONDS.toNanos(250))).isEqualTo(2000);
        assertThat(Rates.ratio(1, 0)).isZero();
        assertThat(Rates.ratio(1, 4)).isEqualTo(0.25);
    }
}
