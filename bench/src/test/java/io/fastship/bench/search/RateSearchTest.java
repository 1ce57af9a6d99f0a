package io.fastship.bench.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class RateSearchTest {

    /** Runs the search against a system that sustains every rate up to {@code capacity}. */
    private static RateSearch against(double capacity, RateSearch search) {
        for (OptionalDouble next = search.next(); next.isPresent(); next = search.next()) {
            search.record(next.getAsDouble(), next.getAsDouble() <= capacity);
        }
        return search;
    }

    @Test
    void shouldDoubleUntilARateFailsThenNarrowTheGap() {
        RateSearch search = against(1300, new RateSearch(100, 10_000, 0.1, 20));

        assertThat(search.trials()).extracting(RateSearch.Trial::rate).startsWith(100.0, 200.0, 400.0, 800.0, 1600.0);
        assertThat(search.sustainable()).isBetween(1300 * 0.9, 1300.0);
        assertThat(search.trials()).allMatch(t -> t.sustained() == (t.rate() <= 1300));
    }

    @Test
    void shouldStopAtTheMaximumWhenEverythingHolds() {
        RateSearch search = against(1e9, new RateSearch(100, 500, 0.1, 20));

        assertThat(search.trials()).extracting(RateSearch.Trial::rate).containsExactly(100.0, 200.0, 400.0, 500.0);
        assertThat(search.sustainable()).isEqualTo(500);
    }

    @Test
    void shouldSearchBelowTheStartWhenTheStartFails() {
        RateSearch search = against(130, new RateSearch(400, 10_000, 0.1, 20));

        assertThat(search.trials().get(0)).isEqualTo(new RateSearch.Trial(400, false));
        assertThat(search.sustainable()).isBetween(117.0, 130.0);
    }

    @Test
    void shouldReportZeroWhenNothingHolds() {
        RateSearch search = against(1, new RateSearch(100, 10_000, 0.1, 20));

        assertThat(search.sustainable()).isZero();
        assertThat(search.trials()).noneMatch(RateSearch.Trial::sustained);
    }

    @Test
    void shouldNeverTryMoreThanTheStepLimit() {
        RateSearch search = against(1300, new RateSearch(100, 10_000, 0.01, 6));

        assertThat(search.trials()).hasSize(6);
        assertThat(search.next()).isEmpty();
    }

    @Test
    void shouldRejectAnImpossibleRange() {
        assertThatThrownBy(() -> new RateSearch(500, 100, 0.1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateSearch(0, 100, 0.1, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
