package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;

/**
 * Every accepted order has exactly one final status: none missing (lost), none flipped, none published twice. The
 * saga publishes one more CANCELLED when an outcome arrives after the cancellation, carrying that outcome for the
 * compensation; a repeat is a duplicate only when it carries nothing new (the same payment and stock outcome).
 */
final class StatusCheck implements Check {

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        Set<String> onOrdersTopic = new HashSet<>();
        for (Seen<OrderCreated> order : input.evidence().orders()) {
            onOrdersTopic.add(order.value().getOrderId());
        }
        List<Violation> violations = new ArrayList<>();
        for (AcceptedOrder accepted : input.accepted()) {
            String orderId = accepted.orderId();
            Optional<Seen<OrderStatusChanged>> first = finals.first(orderId);
            if (first.isEmpty()) {
                violations.add(Violation.ofOrder(Guarantee.FINAL_STATUS, orderId, onOrdersTopic.contains(orderId)
                        ? "accepted, on the orders topic, but no final status"
                        : "accepted (202) but not on the orders topic: lost"));
                continue;
            }
            OrderStatus finalStatus = first.get().value().getStatus();
            Set<String> carried = new HashSet<>();
            carried.add(outcomes(first.get().value()));
            for (Seen<OrderStatusChanged> later : finals.statuses(orderId)) {
                if (later.offset() <= first.get().offset() && later.partition() == first.get().partition()) {
                    continue;
                }
                OrderStatus status = later.value().getStatus();
                if (status == finalStatus && carried.add(outcomes(later.value()))) {
                    continue;
                }
                if (status == finalStatus) {
                    violations.add(Violation.ofOrder(Guarantee.STATUS_ONCE, orderId,
                            finalStatus + " published again at offset " + later.offset()));
                } else {
                    violations.add(Violation.ofOrder(Guarantee.NO_FLIP, orderId,
                            finalStatus + " then " + status + " at offset " + later.offset()));
                }
            }
        }
        return violations;
    }

    private static String outcomes(OrderStatusChanged change) {
        return change.getPaymentStatus() + "/" + change.getInventoryStatus();
    }
}
