package io.fastship.order.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.fastship.events.OrderStatus;
import io.fastship.order.view.OrderView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderWatchersTest {

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final OrderWatchers watchers;

    OrderWatchersTest() {
        timers.setRemoveOnCancelPolicy(true);
        watchers = new OrderWatchers(timers, Runnable::run, 3);
    }

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private static OrderView view(String id, OrderStatus status) {
        return OrderView.empty(id).toBuilder().status(status).updatedAt(Instant.now()).build();
    }

    @Test
    void shouldCompleteWhenTheOrderTurnsFinalAndForgetTheWaiter() {
        CompletableFuture<Optional<OrderView>> waiting = watchers.untilFinal("o-1", Duration.ofMinutes(1));

        watchers.changed(view("o-1", OrderStatus.PENDING), List.of());
        assertThat(waiting).isNotDone();
        watchers.changed(view("o-2", OrderStatus.CONFIRMED), List.of());
        assertThat(waiting).isNotDone();
        watchers.changed(view("o-1", OrderStatus.CONFIRMED), List.of());

        assertThat(waiting.join()).hasValueSatisfying(v -> assertThat(v.status()).isEqualTo(OrderStatus.CONFIRMED));
        assertThat(watchers.active()).isZero();
        assertThat(timers.getQueue()).as("the timeout timer is cancelled and removed").isEmpty();
    }

    @Test
    void shouldCompleteEmptyAfterTheTimeoutAndLeaveNothingBehind() {
        CompletableFuture<Optional<OrderView>> waiting = watchers.untilFinal("o-3", Duration.ofMillis(50));

        assertThat(waiting.orTimeout(5, TimeUnit.SECONDS).join()).isEmpty();
        await().atMost(Duration.ofSeconds(2)).until(() -> watchers.active() == 0);
        watchers.changed(view("o-3", OrderStatus.CANCELLED), List.of());
        assertThat(watchers.active()).isZero();
    }

    @Test
    void shouldRefuseWatchersBeyondTheLimit() {
        for (int i = 0; i < 3; i++) {
            watchers.watch("o-" + i, v -> { });
        }

        assertThatThrownBy(() -> watchers.untilFinal("o-9", Duration.ofSeconds(1)))
                .isInstanceOf(OrderWatchers.TooManyWatchersException.class);
        assertThat(watchers.active()).isEqualTo(3);
    }

    @Test
    void shouldCloseAWatchOnlyOnce() {
        OrderWatchers.Watch watch = watchers.watch("o-1", v -> { });
        watch.close();
        watch.close();

        assertThat(watchers.active()).isZero();
    }

    @Test
    void aWatchAddedWhileTheLastOtherOneClosesIsStillNotified() throws Exception {
        OrderWatchers many = new OrderWatchers(timers, Runnable::run, 1_000);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3_000; round++) {
                String id = "o-" + round;
                OrderWatchers.Watch leaving = many.watch(id, v -> { });
                java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                var closing = pool.submit(() -> {
                    start.await();
                    leaving.close();
                    return null;
                });
                var joining = pool.submit(() -> {
                    start.await();
                    return many.watch(id, v -> told.set(true));
                });
                closing.get();
                OrderWatchers.Watch joined = joining.get();
                many.changed(view(id, OrderStatus.CONFIRMED), List.of());
                assertThat(told).as("round %d", round).isTrue();
                joined.close();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
