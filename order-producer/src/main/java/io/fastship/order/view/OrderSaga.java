package io.fastship.order.view;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;

/**
 * The order saga as a pure fold: each event and the current view give the next view and the status events to
 * emit. No Kafka here, so every rule is a plain unit test.
 *
 * <p>Rules. An order is CONFIRMED when payment is AUTHORIZED and stock RESERVED, and CANCELLED as soon as either
 * fails, or when its deadline passes with an outcome missing ({@code timeout}). A final status never changes.
 * The first decision of each step wins: a repeated event, or one contradicting an earlier decision, changes
 * nothing. A decision that arrives after the cancellation and left something to undo (payment AUTHORIZED, stock
 * RESERVED) emits one more CANCELLED carrying it, because compensation reads the outcomes from the status events.
 * REFUNDED and RELEASED (compensation done) are recorded for the reader but emit nothing.
 */
public final class OrderSaga {

    public static final String TIMEOUT = "timeout";

    private final Duration deadline;

    public OrderSaga(Duration deadline) {
        this.deadline = deadline;
    }

    /** The view after an event, and what to emit; {@code changed} is false when the event was a no-op. */
    public record Step(OrderView view, List<StatusEmission> emissions, boolean changed) {

        public Step {
            emissions = List.copyOf(emissions);
        }

        static Step unchanged(OrderView view) {
            return new Step(view, List.of(), false);
        }
    }

    public Step onCreated(OrderView current, OrderCreated created, Instant now) {
        if (current.known()) {
            return Step.unchanged(current);
        }
        Instant createdAt = created.getCreatedAt();
        OrderView pending = current.toBuilder()
                .order(created.getCustomerId(), created.getCurrency(), created.getItems(), created.getTotalMinor(),
                        createdAt, createdAt.plus(deadline))
                .status(OrderStatus.PENDING)
                .updatedAt(now)
                .build();
        List<StatusEmission> emissions = new ArrayList<>();
        pending = emit(pending, OrderStatus.PENDING, null, emissions);
        // Outcomes that overtook the order decide it at once.
        pending = decide(pending, now, emissions);
        return new Step(pending, emissions, true);
    }

    public Step onPayment(OrderView current, PaymentEvent event, Instant now) {
        PaymentStatus incoming = event.getStatus();
        PaymentStatus known = current.paymentStatus();
        if (incoming == known || known == PaymentStatus.REFUNDED
                || (known != null && incoming != PaymentStatus.REFUNDED)) {
            // A duplicate, a decision after the refund, or a contradiction of the first decision.
            return Step.unchanged(current);
        }
        OrderView updated = current.toBuilder()
                .payment(incoming, event.getReason(), event.getOccurredAt())
                .updatedAt(now)
                .build();
        return afterOutcome(updated, incoming == PaymentStatus.AUTHORIZED, incoming == PaymentStatus.REFUNDED, now);
    }

    public Step onInventory(OrderView current, InventoryEvent event, Instant now) {
        InventoryStatus incoming = event.getStatus();
        InventoryStatus known = current.inventoryStatus();
        if (incoming == known || known == InventoryStatus.RELEASED
                || (known != null && incoming != InventoryStatus.RELEASED)) {
            return Step.unchanged(current);
        }
        OrderView updated = current.toBuilder()
                .inventory(incoming, event.getReason(), event.getOccurredAt())
                .updatedAt(now)
                .build();
        return afterOutcome(updated, incoming == InventoryStatus.RESERVED, incoming == InventoryStatus.RELEASED, now);
    }

    /** Cancels a PENDING order whose deadline has passed; anything else is left alone. */
    public Step onDeadline(OrderView current, Instant now) {
        return onDeadline(current, now, now);
    }

    /**
     * Cancels a PENDING order whose deadline lies at or before {@code enforceableUpTo} (the time up to which every
     * outcome has been read), stamping the cancellation {@code now}.
     */
    public Step onDeadline(OrderView current, Instant enforceableUpTo, Instant now) {
        if (current.status() != OrderStatus.PENDING || current.deadlineAt() == null
                || enforceableUpTo.isBefore(current.deadlineAt())) {
            return Step.unchanged(current);
        }
        List<StatusEmission> emissions = new ArrayList<>();
        OrderView cancelled = finish(current, OrderStatus.CANCELLED, TIMEOUT, now, emissions);
        return new Step(cancelled, emissions, true);
    }

    private Step afterOutcome(OrderView updated, boolean needsUndoIfCancelled, boolean compensation, Instant now) {
        List<StatusEmission> emissions = new ArrayList<>();
        if (updated.status() == OrderStatus.PENDING && !compensation) {
            updated = decide(updated, now, emissions);
        } else if (updated.status() == OrderStatus.CANCELLED && needsUndoIfCancelled) {
            updated = emit(updated, OrderStatus.CANCELLED, updated.cancellationReason(), emissions);
        }
        return new Step(updated, emissions, true);
    }

    private OrderView decide(OrderView view, Instant now, List<StatusEmission> emissions) {
        List<String> failures = new ArrayList<>();
        if (view.paymentStatus() == PaymentStatus.DECLINED) {
            failures.add(withDetail("payment declined", view.paymentReason()));
        }
        if (view.inventoryStatus() == InventoryStatus.REJECTED) {
            failures.add(withDetail("out of stock", view.inventoryReason()));
        }
        if (!failures.isEmpty()) {
            return finish(view, OrderStatus.CANCELLED, String.join("; ", failures), now, emissions);
        }
        if (view.paymentStatus() == PaymentStatus.AUTHORIZED && view.inventoryStatus() == InventoryStatus.RESERVED) {
            return finish(view, OrderStatus.CONFIRMED, null, now, emissions);
        }
        return view;
    }

    private static OrderView finish(OrderView view, OrderStatus status, String reason, Instant now,
                                    List<StatusEmission> emissions) {
        OrderView done = view.toBuilder().status(status).cancellationReason(reason).finalAt(now).updatedAt(now).build();
        return emit(done, status, reason, emissions);
    }

    private static OrderView emit(OrderView view, OrderStatus status, String reason, List<StatusEmission> emissions) {
        long version = view.version() + 1;
        emissions.add(new StatusEmission(status, reason, view.paymentStatus(), view.inventoryStatus(), version));
        return view.toBuilder().version(version).build();
    }

    private static String withDetail(String what, String detail) {
        return detail == null || detail.isBlank() ? what : what + ": " + detail;
    }
}
