package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;

/** Every accepted order has exactly one final status: none missing (lost), none flipped, none published twice. */
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
            for (Seen<OrderStatusChanged> later : finals.statuses(orderId)) {
                if (later.offset() <= first.get().offset() && later.partition() == first.get().partition()) {
                    continue;
                }
                OrderStatus status = later.value().getStatus();
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
}
