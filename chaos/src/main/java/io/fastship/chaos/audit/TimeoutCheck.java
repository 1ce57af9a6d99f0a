package io.fastship.chaos.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;

/**
 * No order was cancelled for {@code timeout} when both its outcomes were already decided and published: the
 * deadline is for an outcome that is missing, not for one the saga had not read yet. An outcome counts as there
 * when it was decided ({@code occurredAt}) more than {@code grace} before the cancellation; Kafka Streams keeps the
 * input's timestamp on what it forwards, so record timestamps of the inventory topic say nothing about when.
 */
final class TimeoutCheck implements Check {

    /** The reason the saga gives when an order's deadline passed. */
    static final String TIMEOUT_REASON = "timeout";

    private final Duration grace;

    TimeoutCheck(Duration grace) {
        this.grace = grace;
    }

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        OutcomeIndex<PaymentStatus, PaymentEvent> payments = new OutcomeIndex<>(PaymentStatus.class,
                input.evidence().payments(), PaymentEvent::getOrderId, PaymentEvent::getStatus);
        OutcomeIndex<InventoryStatus, InventoryEvent> inventory = new OutcomeIndex<>(InventoryStatus.class,
                input.evidence().inventory(), InventoryEvent::getOrderId, InventoryEvent::getStatus);
        List<Violation> violations = new ArrayList<>();
        for (AcceptedOrder accepted : input.accepted()) {
            Optional<Seen<OrderStatusChanged>> first = finals.first(accepted.orderId());
            if (first.isEmpty() || first.get().value().getStatus() != OrderStatus.CANCELLED
                    || !isTimeout(first.get().value().getReason())) {
                continue;
            }
            Instant cancelled = first.get().value().getOccurredAt();
            Instant limit = cancelled.minus(grace);
            Optional<Instant> paid = earliest(payments, accepted.orderId(), limit, PaymentStatus.AUTHORIZED,
                    PaymentStatus.DECLINED).map(e -> e.getOccurredAt());
            Optional<Instant> stocked = earliest(inventory, accepted.orderId(), limit, InventoryStatus.RESERVED,
                    InventoryStatus.REJECTED).map(e -> e.getOccurredAt());
            if (paid.isPresent() && stocked.isPresent()) {
                violations.add(Violation.ofOrder(Guarantee.NO_TIMEOUT_WITH_OUTCOMES, accepted.orderId(),
                        "cancelled for timeout at " + cancelled + " though payment was decided at " + paid.get()
                                + " and stock at " + stocked.get()));
            }
        }
        return violations;
    }

    static boolean isTimeout(String reason) {
        return reason != null && reason.strip().toLowerCase(java.util.Locale.ROOT).startsWith(TIMEOUT_REASON);
    }

    @SafeVarargs
    private static <S extends Enum<S>, V> Optional<V> earliest(OutcomeIndex<S, V> index, String orderId,
                                                               Instant limit, S... statuses) {
        Optional<V> found = Optional.empty();
        for (S status : statuses) {
            for (Seen<V> seen : index.of(orderId, status)) {
                Instant decided = decidedAt(seen.value());
                if (decided.isBefore(limit)) {
                    found = Optional.of(seen.value());
                }
            }
        }
        return found;
    }

    private static Instant decidedAt(Object outcome) {
        if (outcome instanceof PaymentEvent payment) {
            return payment.getOccurredAt();
        }
        return ((InventoryEvent) outcome).getOccurredAt();
    }
}
