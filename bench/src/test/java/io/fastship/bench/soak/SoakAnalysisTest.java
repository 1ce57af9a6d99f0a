package io.fastship.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fastship.bench.report.SoakPhase;
import io.fastship.bench.timeline.Sample;
import org.junit.jupiter.api.Test;

class SoakAnalysisTest {

    @Test
    void shouldCompareTheFirstAndLastTenthOfTheRunByTime() {
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 100; s++) {
            // RSS flat at 100 MiB then 110 MiB in the last tenth; a store that grows without bound; one flat at 0.
            long rss = (s >= 90 ? 110L : 100L) << 20;
            samples.add(new Sample(1000 + s, "soak", s, s, Map.of(), Map.of("payment-1", rss),
                    Map.of("payment-1/outcomes", (double) s * 10, "order-1/views", 0.0)));
        }

        List<SoakPhase.Growth> rss = SoakAnalysis.rss(samples);
        List<SoakPhase.Growth> stores = SoakAnalysis.stores(samples);

        assertThat(rss).singleElement().satisfies(g -> {
            assertThat(g.firstTenth()).isEqualTo(100.0);
            assertThat(g.lastTenth()).isEqualTo(110.0);
            assertThat(g.growthPercent()).isEqualTo(10.0);
        });
        assertThat(stores).extracting(SoakPhase.Growth::name).containsExactly("order-1/views", "payment-1/outcomes");
        assertThat(stores.get(0).growthPercent()).isZero();
        assertThat(stores.get(1).firstTenth()).isEqualTo(50.0);
        assertThat(stores.get(1).lastTenth()).isEqualTo(950.0);
        assertThat(stores.get(1).growthPercent()).isEqualTo(1800.0);
    }

    @Test
    void shouldDivideEachStoreByTheOrdersClosedInTheRetentionWindowSoRefusalsDoNotReadAsShrinking() {
        // 10 orders close per second, then 5 from t=500 (half the intake refused); a store bounded by a 100 s
        // retention holds exactly the orders closed in the last 100 s: 1,000, then 500.
        List<Sample> samples = new ArrayList<>();
        long finals = 0;
        for (int t = 0; t <= 1000; t += 10) {
            finals += t <= 500 ? 100 : 50;
            double window = t < 100 ? finals : (t <= 500 ? 1000 : t < 600 ? 1000 - (t - 500) * 5 : 500);
            samples.add(new Sample(t, "soak", finals, finals, Map.of(), Map.of(), Map.of("s", window)));
        }
        List<Sample> compared = SoakAnalysis.afterWarmUp(samples, Duration.ofSeconds(100));

        assertThat(SoakAnalysis.stores(compared)).singleElement()
                .satisfies(g -> assertThat(g.growthPercent()).isLessThan(-40.0));
        assertThat(SoakAnalysis.storesPerClosedOrder(samples, compared, Duration.ofSeconds(100))).singleElement()
                .satisfies(g -> {
                    assertThat(g.firstTenth()).isCloseTo(1.0, within(0.02));
                    assertThat(g.lastTenth()).isCloseTo(1.0, within(0.02));
                });
    }

    @Test
    void shouldSayNothingWithoutEnoughSamplesOrSeries() {
        assertThat(SoakAnalysis.rss(List.of())).isEmpty();
        assertThat(SoakAnalysis.stores(List.of(new Sample(0, "soak", 0, 0, Map.of(), Map.of(), Map.of()),
                new Sample(9, "soak", 0, 0, Map.of(), Map.of(), Map.of())))).isEmpty();
    }

    @Test
    void shouldLeaveTheGrowthUndefinedFromZero() {
        List<Sample> samples = List.of(new Sample(0, "soak", 0, 0, Map.of(), Map.of(), Map.of("s", 0.0)),
                new Sample(10, "soak", 0, 0, Map.of(), Map.of(), Map.of("s", 7.0)));

        assertThat(SoakAnalysis.stores(samples)).singleElement()
                .satisfies(g -> assertThat(g.growthPercent()).isNull());
    }

    @Test
    void shouldSumAStoreOverItsTasksAndIgnoreOtherMetrics() {
        String text = """
                # HELP fastship_state_entries Entries of a state store
                # TYPE fastship_state_entries gauge
                fastship_state_entries{service="payment-service",store="outcomes",task="0_1",} 120.0
                fastship_state_entries{store="outcomes",task="0_2"} 30.0
                fastship_state_entries{store="reservations"} 4.0E3
                fastship_state_entries{store="empty"} NaN
                fastship_state_entries_total{store="outcomes"} 999.0
                http_requests_total{store="outcomes"} 5.0
                """;

        assertThat(StoreEntries.parse(text)).containsExactlyInAnyOrderEntriesOf(
                Map.of("outcomes", 150.0, "reservations", 4000.0));
        assertThat(StoreEntries.parse("jvm_memory_used_bytes 1.0\n")).isEmpty();
    }

    @Test
    void shouldLeaveOutTheFirstRetentionWindowWhenTheRunIsLongEnough() {
        List<Sample> samples = new ArrayList<>();
        for (int s = 0; s <= 100; s++) {
            samples.add(new Sample(s, "soak", s, s, Map.of(), Map.of(), Map.of()));
        }

        assertThat(SoakAnalysis.afterWarmUp(samples, java.time.Duration.ofSeconds(30)))
                .extracting(Sample::seconds).startsWith(30.0).endsWith(100.0).hasSize(71);
        assertThat(SoakAnalysis.afterWarmUp(samples, java.time.Duration.ofSeconds(60)))
                .as("a run shorter than two windows is compared whole").hasSize(101);
    }
}
