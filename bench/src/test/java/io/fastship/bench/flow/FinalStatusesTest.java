package io.fastship.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import org.junit.jupiter.api.Test;

class FinalStatusesTest {

    private static OrderStatusChanged status(String orderId, OrderStatus status, String reason) {
        return OrderStatusChanged.newBuilder().setEventId(orderId + status).setOrderId(orderId).setStatus(status)
                .setReason(reason).setOccurredAt(Instant.EPOCH).build();
    }

    private static PaymentEvent payment(String orderId, PaymentStatus status) {
        return PaymentEvent.newBuilder().setEventId(orderId + status).setOrderId(orderId).setStatus(status)
                .setAmountMinor(1999).setCurrency("EUR").setOccurredAt(Instant.EPOCH).build();
    }

    @Test
    void shouldKeepTheFirstFinalStatusAndCountAChangedOneAsADuplicate() {
        FinalStatuses finals = new FinalStatuses();

        finals.seen("o-1", status("o-1", OrderStatus.PENDING, null), 1);
        finals.seen("o-1", status("o-1", OrderStatus.CANCELLED, "out of stock"), 5);
        finals.seen("o-1", status("o-1", OrderStatus.CONFIRMED, null), 9);
        finals.seen("o-2", status("o-2", OrderStatus.PENDING, null), 2);

        assertThat(finals.count()).isEqualTo(1);
        assertThat(finals.duplicates()).isEqualTo(1);
        assertThat(finals.followUps()).isZero();
        assertThat(finals.of("o-1")).hasValueSatisfying(first -> {
            assertThat(first.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(first.reason()).isEqualTo("out of stock");
            assertThat(first.seenNanos()).isEqualTo(5);
        });
        assertThat(finals.of("o-2")).isEmpty();
    }

    @Test
    void shouldCountACancellationThatCarriesALateOutcomeAsAFollowUpAndTheSameEventTwiceAsADuplicate() {
        FinalStatuses finals = new FinalStatuses();
        OrderStatusChanged timedOut = withId(status("o-3", OrderStatus.CANCELLED, "timeout"), "v2");
        OrderStatusChanged carryingRefund = withId(status("o-3", OrderStatus.CANCELLED, "timeout"), "v3");

        finals.seen("o-3", timedOut, 1);
        finals.seen("o-3", carryingRefund, 2);
        assertThat(finals.duplicates()).isZero();
        assertThat(finals.followUps()).isEqualTo(1);

        finals.seen("o-3", timedOut, 3);
        finals.seen("o-3", carryingRefund, 4);
        assertThat(finals.duplicates()).isEqualTo(2);
    }

    private static OrderStatusChanged withId(OrderStatusChanged event, String eventId) {
        event.setEventId(eventId);
        return event;
    }

    @Test
    void shouldPaceOnlyDecisionsInTheWindowAndIgnoreRefunds() {
        PaymentCounter counter = new PaymentCounter();

        counter.seen("early", payment("early", PaymentStatus.AUTHORIZED), 1);
        counter.startWindow();
        counter.seen("a", payment("a", PaymentStatus.AUTHORIZED), 1_000_000_000L);
        counter.seen("b", payment("b", PaymentStatus.REFUNDED), 1_500_000_000L);
        counter.seen("c", payment("c", PaymentStatus.DECLINED), 1_250_000_000L);
        counter.seen("d", payment("d", PaymentStatus.AUTHORIZED), 1_500_000_000L);

        assertThat(counter.count()).isEqualTo(4);
        assertThat(counter.windowCount()).isEqualTo(3);
        assertThat(counter.perSecond()).isEqualTo(4.0);

        counter.reset();
        counter.seen("e", payment("e", PaymentStatus.AUTHORIZED), 9);
        assertThat(counter.count()).isEqualTo(1);
        assertThat(counter.windowCount()).isZero();
        assertThat(counter.perSecond()).isZero();
    }
}
