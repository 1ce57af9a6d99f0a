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
    void shouldKeepTheFirstFinalStatusAndCountLaterOnesAsDuplicates() {
        FinalStatuses finals = new FinalStatuses();

        finals.seen("o-1", status("o-1", OrderStatus.PENDING, null), 1);
        finals.seen("o-1", status("o-1", OrderStatus.CANCELLED, "out of stock"), 5);
        finals.seen("o-1", status("o-1", OrderStatus.CONFIRMED, null), 9);
        finals.seen("o-2", status("o-2", OrderStatus.PENDING, null), 2);

        assertThat(finals.count()).isEqualTo(1);
        assertThat(finals.duplicates()).isEqualTo(1);
        assertThat(finals.of("o-1")).hasValue(new FinalStatuses.Final(OrderStatus.CANCELLED, "out of stock", 5));
        assertThat(finals.of("o-2")).isEmpty();
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
