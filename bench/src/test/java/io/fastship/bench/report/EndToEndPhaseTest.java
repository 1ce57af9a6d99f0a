package io.fastship.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fastship.bench.flow.FinalStatuses.Final;
import io.fastship.events.OrderStatus;
import org.junit.jupiter.api.Test;

class EndToEndPhaseTest {

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void shouldMatchEachAcceptedOrderWithItsFinalStatus() {
        Map<String, Long> submitted = Map.of("a", ms(0), "b", ms(100), "c", ms(200), "d", ms(300));
        Map<String, Final> finals = Map.of(
                "a", new Final(OrderStatus.CONFIRMED, null, ms(50)),
                "b", new Final(OrderStatus.CONFIRMED, null, ms(250)),
                "c", new Final(OrderStatus.CANCELLED, "out of stock", ms(1000)),
                "other", new Final(OrderStatus.CONFIRMED, null, ms(5)));

        EndToEndPhase phase = EndToEndPhase.of(submitted, finals, 2);

        assertThat(phase.accepted()).isEqualTo(4);
        assertThat(phase.completed()).isEqualTo(3);
        assertThat(phase.confirmed()).isEqualTo(2);
        assertThat(phase.cancelled()).isEqualTo(1);
        assertThat(phase.missing()).isEqualTo(1);
        assertThat(phase.duplicates()).isEqualTo(2);
        assertThat(phase.cancelledReasons()).containsExactly(Map.entry("out of stock", 1L));
        assertThat(phase.latency().count()).isEqualTo(3);
        assertThat(phase.latency().maxMs()).isCloseTo(800, within(1.0));
        assertThat(phase.seconds()).isCloseTo(1.0, within(0.001));
        assertThat(phase.ordersPerSec()).isCloseTo(3.0, within(0.01));
    }

    @Test
    void shouldReportEverythingMissingWhenNothingArrived() {
        EndToEndPhase phase = EndToEndPhase.of(Map.of("a", 1L), Map.of(), 0);

        assertThat(phase.missing()).isEqualTo(1);
        assertThat(phase.ordersPerSec()).isZero();
        assertThat(phase.latency().count()).isZero();
    }
}
