package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;

/**
 * The gateway's books agree with the final status: a CONFIRMED order was charged its total once (net = total,
 * never charged more), a CANCELLED order nets 0. Skipped when no gateway was given.
 */
final class LedgerCheck implements Check {

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        if (input.ledger().isEmpty()) {
            return List.of();
        }
        Ledger ledger = input.ledger().get();
        Map<String, Long> totals = new HashMap<>();
        for (Seen<OrderCreated> order : input.evidence().orders()) {
            totals.putIfAbsent(order.value().getOrderId(), order.value().getTotalMinor());
        }
        List<Violation> violations = new ArrayList<>();
        for (AcceptedOrder accepted : input.accepted()) {
            String orderId = accepted.orderId();
            Long total = totals.get(orderId);
            if (total == null || finals.status(orderId).isEmpty()) {
                continue; // Lost or unfinished: StatusCheck reports it; no amount to hold the books against.
            }
            OrderStatus status = finals.status(orderId).get();
            Ledger.Entry entry = ledger.of(orderId);
            long expectedNet = status == OrderStatus.CONFIRMED ? total : 0;
            if (entry.netMinor() != expectedNet) {
                violations.add(mismatch(orderId, status + " with total " + total + " but the gateway nets "
                        + entry.netMinor() + " (charged " + entry.chargedMinor() + ", refunded "
                        + entry.refundedMinor() + ")", entry.netMinor() - expectedNet));
            } else if (entry.chargedMinor() > total) {
                violations.add(mismatch(orderId, "charged " + entry.chargedMinor() + " for a total of " + total
                        + " (more than once)", entry.chargedMinor() - total));
            }
        }
        return violations;
    }

    private static Violation mismatch(String orderId, String detail, long minor) {
        return new Violation(Guarantee.LEDGER, orderId, orderId, detail, 0, minor);
    }
}
