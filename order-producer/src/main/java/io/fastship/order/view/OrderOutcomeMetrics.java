package io.fastship.order.view;

import java.time.Duration;
import java.util.List;

import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Order outcomes as the saga decides them: {@code fastship_order_status_changes_total{status,reason}} per status
 * event, and {@code fastship_order_completion_seconds{status}}, the time from {@code OrderCreated} to the final
 * status, the one number that says how long a customer waited. Reasons are a closed set, never free text.
 * Counted when processed: a Streams transaction that aborts and is retried counts again.
 */
public final class OrderOutcomeMetrics {

    private final MeterRegistry registry;

    public OrderOutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void changed(OrderView view, List<StatusEmission> emitted) {
        for (StatusEmission emission : emitted) {
            registry.counter("fastship.order.status.changes", "status", emission.status().name(),
                    "reason", reason(emission, view)).increment();
        }
        // The first final emission only: a repeated CANCELLED (late outcome to compensate) moves updatedAt on.
        boolean justFinished = view.isFinal() && view.createdAt() != null && view.finalAt() != null
                && view.finalAt().equals(view.updatedAt()) && !emitted.isEmpty();
        if (justFinished) {
            Timer.builder("fastship.order.completion")
                    .description("Time from OrderCreated to the order's final status")
                    .tag("status", view.status().name())
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(Duration.between(view.createdAt(), view.finalAt()).isNegative() ? Duration.ZERO
                            : Duration.between(view.createdAt(), view.finalAt()));
        }
    }

    /** Why, in a bounded vocabulary: none, timeout, payment_declined, out_of_stock or both of the last two. */
    static String reason(StatusEmission emission, OrderView view) {
        if (emission.status() != OrderStatus.CANCELLED) {
            return "none";
        }
        if (OrderSaga.TIMEOUT.equals(emission.reason())) {
            return "timeout";
        }
        boolean declined = view.paymentStatus() == PaymentStatus.DECLINED;
        boolean rejected = view.inventoryStatus() == InventoryStatus.REJECTED;
        if (declined && rejected) {
            return "payment_declined_and_out_of_stock";
        }
        return declined ? "payment_declined" : rejected ? "out_of_stock" : "other";
    }
}
