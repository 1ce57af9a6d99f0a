package io.fastship.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class OpenOrdersTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void shouldAdmitUpToTheFloorWhileNothingHasFinishedYet() {
        OpenOrders open = new OpenOrders(DEADLINE, 50_000, now::get);

        openMany(open, "a", OpenOrders.FLOOR - 1);
        assertThat(open.refusal()).isEmpty();
        open.opened("one-more");

        assertThat(open.refusal()).hasValue(1);
        assertThat(open.open()).isEqualTo(OpenOrders.FLOOR);
    }

    @Test
    void shouldAdmitWhatThePipelineFinishesWithinHalfTheDeadline() {
        OpenOrders open = new OpenOrders(DEADLINE, 50_000, now::get);
        // 200 of our orders finish every second for ten seconds: 200/s x 15 s = 3,000 may be open.
        for (int second = 0; second < 10; second++) {
            openMany(open, "s" + second + "-", 200);
            for (int i = 0; i < 200; i++) {
                open.finished("s" + second + "-" + i);
            }
            now.addAndGet(1_000);
        }
        assertThat(open.finishedPerSecond()).isEqualTo(200.0);

        openMany(open, "backlog-", 2_999);
        assertThat(open.refusal()).isEmpty();
        open.opened("the-3000th");
        // One order over the bound at 200/s: retry in a second.
        assertThat(open.refusal()).hasValue(1);
    }

    @Test
    void shouldAskForALongerWaitTheFurtherTheBacklogIsOverTheBound() {
        OpenOrders open = new OpenOrders(DEADLINE, 50_000, now::get);
        openMany(open, "x", 5_000);

        // Nothing finished: the floor is the bound, and without a pace the wait is the shortest.
        assertThat(open.refusal()).hasValue(1);
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 100; i++) {
                open.finished("x" + (second * 100 + i));
            }
            now.addAndGet(1_000);
        }
        // 4,000 open, 100/s finished: 1,500 drain in half the deadline, under the floor of 2,000; 2,001 too many
        // take 21 s at that pace.
        assertThat(open.refusal()).hasValue(21);
    }

    @Test
    void shouldNeverAdmitMoreThanTheHardBound() {
        OpenOrders open = new OpenOrders(DEADLINE, 2_500, now::get);

        assertThat(open.limit(10_000)).isEqualTo(2_500);
        assertThat(open.limit(0)).isEqualTo(OpenOrders.FLOOR);
    }

    @Test
    void shouldStopCountingAnOrderWhoseFinalStatusWasNeverSeen() {
        OpenOrders open = new OpenOrders(DEADLINE, 50_000, now::get);
        openMany(open, "lost-", OpenOrders.FLOOR);
        assertThat(open.refusal()).isPresent();

        now.addAndGet(2 * DEADLINE.toMillis() + 1_001);

        assertThat(open.refusal()).isEmpty();
        assertThat(open.open()).isZero();
    }

    @Test
    void shouldForgetAnAbandonedOrderAndIgnoreOthersFinals() {
        OpenOrders open = new OpenOrders(DEADLINE, 50_000, now::get);
        open.opened("mine");
        open.abandoned("mine");
        open.finished("another-instance's");
        now.addAndGet(1_000);

        assertThat(open.open()).isZero();
        assertThat(open.finishedPerSecond()).isZero();
    }

    @Test
    void shouldAdmitEverythingWhenTurnedOff() {
        OpenOrders open = new OpenOrders(DEADLINE, 0, now::get);
        openMany(open, "o", 5_000);

        assertThat(open.refusal()).isEmpty();
        assertThat(open.open()).isZero();
    }

    private static void openMany(OpenOrders open, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            open.opened(prefix + i);
        }
    }
}
