package io.fastship.order.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Deadlines follow the slower outcome input; the wall clock helps only an input that is quiet while the task runs. */
class DeadlineClockTest {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration STALL = Duration.ofSeconds(3);
    private final DeadlineClock clock = new DeadlineClock(List.of("payments", "inventory"), GRACE, STALL, 0);

    @Test
    void shouldEnforceUpToTheSlowerOutcomeInputAndIgnoreOrders() {
        clock.recordProcessed("orders", 90_000, 1_000);
        clock.recordProcessed("payments", 5_000, 1_000);
        assertThat(clock.enforceableUpTo(1_000)).as("inventory not read yet").isEqualTo(DeadlineClock.UNKNOWN);

        clock.recordProcessed("inventory", 3_000, 1_500);

        assertThat(clock.enforceableUpTo(1_500)).isEqualTo(3_000);
    }

    @Test
    void shouldTreatAnInputQuietForTheGraceOfARunningTaskAsReadUpToTheWallClockMinusTheGrace() {
        clock.recordProcessed("payments", 5_000, 1_000);
        clock.recordProcessed("inventory", 5_000, 1_000);
        for (long wall = 2_000; wall <= 30_000; wall += 1_000) {
            clock.wallClockTick(wall);
            // payments keeps flowing; inventory (its service is down, say) stays quiet
            clock.recordProcessed("payments", wall, wall);
        }

        assertThat(clock.enforceableUpTo(30_000)).isEqualTo(20_000);
    }

    @Test
    void shouldNotCountQuietTimeAcrossAStall() {
        clock.recordProcessed("payments", 5_000, 1_000);
        clock.recordProcessed("inventory", 5_000, 1_000);
        // SIGSTOP for 45 s: the first sign of life afterwards is a record, before any punctuation.
        clock.recordProcessed("payments", 6_000, 46_000);

        assertThat(clock.enforceableUpTo(46_000)).as("nothing proves inventory was read meanwhile").isEqualTo(5_000);
    }
}
