package io.fastship.bench.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LagVerdictTest {

    /** A minute of a group reading {@code input} records/s and falling behind by {@code deficit} records/s. */
    private static List<LagVerdict.Sample> minute(long input, long deficit, long wobble) {
        List<LagVerdict.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            samples.add(new LagVerdict.Sample(s, 50 + deficit * s + (s % 2 == 0 ? wobble : 0), 10_000 + input * s));
        }
        return samples;
    }

    @Test
    void shouldAcceptAFlatLagThatWobbles() {
        assertThat(LagVerdict.unbounded(minute(1000, 0, 400))).isNull();
    }

    @Test
    void shouldRejectALagThatGrowsWithTheMissedRate() {
        assertThat(LagVerdict.unbounded(minute(1000, 100, 0))).isEqualTo("lag grew 100/s");
    }

    @Test
    void shouldToleratePartOfAPercentOfGrowthFromBatching() {
        assertThat(LagVerdict.unbounded(minute(1000, 20, 0))).isNull();
    }

    @Test
    void shouldAcceptTheRampUpToASmallSteadyLag() {
        // 10 orders/s for 5 s: the lag climbs from 0 to a few dozen records and stays there.
        List<LagVerdict.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 5; s++) {
            samples.add(new LagVerdict.Sample(s, Math.min(40, 12L * s), 30L * s));
        }

        assertThat(LagVerdict.unbounded(samples)).isNull();
    }

    @Test
    void shouldRejectALagThatIsFlatButFarBehind() {
        List<LagVerdict.Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 60; s++) {
            samples.add(new LagVerdict.Sample(s, 50_000, 1000L * s));
        }

        assertThat(LagVerdict.unbounded(samples)).isEqualTo("lag 50000 at the end");
    }

    @Test
    void shouldFitTheSlopeByLeastSquares() {
        assertThat(LagVerdict.slope(List.of(new LagVerdict.Sample(0, 0, 0), new LagVerdict.Sample(1, 2, 0),
                new LagVerdict.Sample(2, 4, 0)))).isEqualTo(2.0);
        assertThat(LagVerdict.unbounded(List.of(new LagVerdict.Sample(0, 999_999, 0)))).isNull();
    }
}
