package io.fastship.order.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class OrderOutcomeMetricsTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OrderOutcomeMetrics metrics = new OrderOutcomeMetrics(registry);

    @Test
    void aCancellationIsCountedWithABoundedReasonAndTimedOnce() {
        OrderView cancelled = view(OrderStatus.CANCELLED, PaymentStatus.DECLINED, InventoryStatus.REJECTED,
                CREATED.plusSeconds(2), CREATED.plusSeconds(2));
        StatusEmission emission = new StatusEmission(OrderStatus.CANCELLED, "payment declined: card; out of stock: x",
                PaymentStatus.DECLINED, InventoryStatus.REJECTED, 2);

        metrics.changed(cancelled, List.of(emission));
        // A late outcome moves updatedAt on: counted as a status change, not as a second completion.
        metrics.changed(view(OrderStatus.CANCELLED, PaymentStatus.DECLINED, InventoryStatus.REJECTED,
                CREATED.plusSeconds(2), CREATED.plusSeconds(5)), List.of(emission));

        assertThat(registry.get("fastship.order.status.changes").tags("status", "CANCELLED",
                "reason", "payment_declined_and_out_of_stock").counter().count()).isEqualTo(2.0);
        var completion = registry.get("fastship.order.completion").tags("status", "CANCELLED").timer();
        assertThat(completion.count()).isEqualTo(1);
        assertThat(completion.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2.0);
    }

    @Test
    void reasonsComeFromTheOutcomesNotTheFreeText() {
        OrderView pending = view(OrderStatus.PENDING, null, null, null, CREATED);
        assertThat(OrderOutcomeMetrics.reason(new StatusEmission(OrderStatus.CANCELLED, OrderSaga.TIMEOUT, null, null, 2),
                pending)).isEqualTo("timeout");
        assertThat(OrderOutcomeMetrics.reason(new StatusEmission(OrderStatus.CONFIRMED, null, null, null, 2), pending))
                .isEqualTo("none");
        assertThat(OrderOutcomeMetrics.reason(new StatusEmission(OrderStatus.CANCELLED, "out of stock", null,
                InventoryStatus.REJECTED, 2), view(OrderStatus.CANCELLED, null, InventoryStatus.REJECTED, CREATED,
                CREATED))).isEqualTo("out_of_stock");
    }

    private static OrderView view(OrderStatus status, PaymentStatus payment, InventoryStatus inventory,
                                  Instant finalAt, Instant updatedAt) {
        return new OrderView("o-1", "c-1", "EUR", List.of(), 100, status, payment, null, null, inventory, null, null,
                null, CREATED, CREATED.plusSeconds(30), updatedAt, finalAt, 2);
    }
}
