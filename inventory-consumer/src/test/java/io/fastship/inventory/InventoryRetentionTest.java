package io.fastship.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.fastship.events.LineOutcome;
import io.fastship.events.OrderStatus;
import io.fastship.inventory.order.OrderProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STATE_RETENTION in inventory: closed orders' progress and line reservations go, open ones stay. */
class InventoryRetentionTest {

    private static final Duration RETENTION = Duration.ofMinutes(5);
    private static final Instant T0 = InventoryDriver.NOW;

    private final InventoryDriver inventory = new InventoryDriver(RETENTION);

    @AfterEach
    void close() {
        inventory.close();
    }

    @Test
    void shouldForgetARejectedOrderAndItsLinesAfterTheRetention() {
        inventory.set("SKU-1", 10);
        inventory.orderAt(T0, "o-1", "SKU-1", 2, "SKU-404", 1);
        assertThat(inventory.progress("o-1").status()).isEqualTo(OrderProgress.Status.REJECTED);
        assertThat(inventory.reservation("o-1", 1).outcome()).isEqualTo(LineOutcome.UNKNOWN_SKU);

        passTime(RETENTION.minusSeconds(1));
        assertThat(inventory.progress("o-1")).as("kept until the retention has passed").isNotNull();

        passTime(RETENTION.plusSeconds(1));

        assertThat(inventory.progress("o-1")).isNull();
        assertThat(inventory.reservation("o-1", 0)).isNull();
        assertThat(inventory.reservation("o-1", 1)).isNull();
        assertThat(inventory.level("SKU-1").available()).as("the released units stay available").isEqualTo(10);
    }

    @Test
    void shouldKeepAReservationHeldForAnOpenOrderAndForgetItOnceConfirmedAndRetained() {
        inventory.set("SKU-1", 10);
        inventory.orderAt(T0, "o-2", "SKU-1", 3);
        assertThat(inventory.progress("o-2").status()).isEqualTo(OrderProgress.Status.RESERVED);

        passTime(RETENTION.multipliedBy(3));
        assertThat(inventory.progress("o-2")).as("stock held for an order not confirmed yet").isNotNull();
        assertThat(inventory.reservation("o-2", 0).outcome()).isEqualTo(LineOutcome.RESERVED);

        Instant confirmedAt = T0.plus(RETENTION.multipliedBy(3));
        inventory.statusAt(confirmedAt, "o-2", OrderStatus.CONFIRMED);
        passTime(RETENTION.multipliedBy(4).plusSeconds(1));

        assertThat(inventory.progress("o-2")).isNull();
        assertThat(inventory.reservation("o-2", 0)).isNull();
        assertThat(inventory.level("SKU-1").available()).as("sold units stay taken").isEqualTo(7);
    }

    @Test
    void shouldForgetAReleasedOrderAfterTheRetention() {
        inventory.set("SKU-1", 10);
        inventory.orderAt(T0, "o-3", "SKU-1", 4);
        inventory.statusAt(T0, "o-3", OrderStatus.CANCELLED);
        assertThat(inventory.progress("o-3").status()).isEqualTo(OrderProgress.Status.RELEASED);

        passTime(RETENTION.plusSeconds(1));

        assertThat(inventory.progress("o-3")).isNull();
        assertThat(inventory.reservation("o-3", 0)).isNull();
        assertThat(inventory.level("SKU-1").available()).isEqualTo(10);
    }

    /** Moves the stream time (an unrelated order stamped then) and fires the wall-clock punctuation. */
    private void passTime(Duration since) {
        inventory.orderAt(T0.plus(since), "tick-" + since.toMillis(), "SKU-TICK", 1);
        inventory.driver.advanceWallClockTime(Duration.ofSeconds(1));
    }
}
