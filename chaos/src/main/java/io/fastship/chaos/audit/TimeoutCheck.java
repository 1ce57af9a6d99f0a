package io.fastship.chaos.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;

/**
 * No order was cancelled for {@code timeout} when both its outcomes had reached their topics before its deadline
 * ({@code createdAt} plus the stack's {@code ORDER_DEADLINE}): the deadline is for an outcome that is missing, not
 * for one the saga had not read yet. When an outcome reached its topic is its record timestamp: the outcome topics
 * are stamped by the broker on append ({@code LogAppendTime}); {@code occurredAt} is when a service decided, which
 * can be long before its transaction made the record visible, or (Streams stamps from a cached clock) unreliable.
 * An outcome appended less than {@code tolerance} before the deadline is a race between clocks, not a violation.
 */
final class TimeoutCheck implements Check {

    /** The reason the saga gives when an order's deadline passed. */
    static final String TIMEOUT_REASON = "timeout";

    private final Duration tolerance;
    private final Duration orderDeadline;

    TimeoutCheck(Duration tolerance, Duration orderDeadline) {
        this.tolerance = tolerance;
        this.orderDeadline = orderDeadline;
    }

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        OutcomeIndex<PaymentStatus, PaymentEvent> payments = new OutcomeIndex<>(PaymentStatus.class,
                input.evidence().payments(), PaymentEvent::getOrderId, PaymentEvent::getStatus);
        OutcomeIndex<InventoryStatus, InventoryEvent> inventory = new OutcomeIndex<>(InventoryStatus.class,
                input.evidence().inventory(), InventoryEvent::getOrderId, InventoryEvent::getStatus);
        Map<String, Instant> createdAt = new HashMap<>();
        for (Seen<OrderCreated> order : input.evidence().orders()) {
            createdAt.putIfAbsent(order.key(), order.value().getCreatedAt());
        }
        List<Violation> violations = new ArrayList<>();
        for (AcceptedOrder accepted : input.accepted()) {
            Optional<Seen<OrderStatusChanged>> first = finals.first(accepted.orderId());
            if (first.isEmpty() || first.get().value().getStatus() != OrderStatus.CANCELLED
                    || !isTimeout(first.get().value().getReason())) {
                continue;
            }
            Instant deadline = createdAt.getOrDefault(accepted.orderId(), accepted.acceptedAt()).plus(orderDeadline);
            Instant limit = deadline.minus(tolerance);
            Optional<Instant> paid = earliest(payments, accepted.orderId(), PaymentStatus.AUTHORIZED,
                    PaymentStatus.DECLINED).filter(at -> at.isBefore(limit));
            Optional<Instant> stocked = earliest(inventory, accepted.orderId(), InventoryStatus.RESERVED,
                    InventoryStatus.REJECTED).filter(at -> at.isBefore(limit));
            if (paid.isPresent() && stocked.isPresent()) {
                violations.add(Violation.ofOrder(Guarantee.NO_TIMEOUT_WITH_OUTCOMES, accepted.orderId(),
                        "cancelled for timeout at " + first.get().value().getOccurredAt() + " (deadline " + deadline
                                + ") though payment reached its topic at " + paid.get() + " and stock at "
                                + stocked.get()));
            }
        }
        return violations;
    }

    static boolean isTimeout(String reason) {
        return reason != null && reason.strip().toLowerCase(java.util.Locale.ROOT).startsWith(TIMEOUT_REASON);
    }

    /** When the first decisive outcome of an order reached its topic. */
    @SafeVarargs
    private static <S extends Enum<S>, V> Optional<Instant> earliest(OutcomeIndex<S, V> index, String orderId,
                                                                     S... statuses) {
        Optional<Instant> found = Optional.empty();
        for (S status : statuses) {
            for (Seen<V> seen : index.of(orderId, status)) {
                if (found.isEmpty() || seen.at().isBefore(found.get())) {
                    found = Optional.of(seen.at());
                }
            }
        }
        return found;
    }
}
