package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineOutcome;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;

/**
 * The outcome topics agree with the final status: one PaymentEvent and one InventoryEvent per order and status,
 * a CONFIRMED order authorized and reserved (never refunded or released), a CANCELLED one refunded and released
 * whenever it had been authorized or reserved.
 */
final class OutcomeCheck implements Check {

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        OutcomeIndex<PaymentStatus, PaymentEvent> payments = new OutcomeIndex<>(PaymentStatus.class,
                input.evidence().payments(), PaymentEvent::getOrderId, PaymentEvent::getStatus);
        OutcomeIndex<InventoryStatus, InventoryEvent> inventory = new OutcomeIndex<>(InventoryStatus.class,
                input.evidence().inventory(), InventoryEvent::getOrderId, InventoryEvent::getStatus);
        List<Violation> violations = new ArrayList<>();
        for (AcceptedOrder accepted : input.accepted()) {
            String orderId = accepted.orderId();
            duplicates(violations, Guarantee.PAYMENT_ONCE, orderId, payments.all(orderId));
            duplicates(violations, Guarantee.INVENTORY_ONCE, orderId, inventory.all(orderId));
            if (payments.has(orderId, PaymentStatus.AUTHORIZED) && payments.has(orderId, PaymentStatus.DECLINED)) {
                violations.add(Violation.ofOrder(Guarantee.PAYMENT_ONCE, orderId, "both AUTHORIZED and DECLINED"));
            }
            finals.status(orderId).ifPresent(status -> compensation(violations, orderId, status, payments, inventory));
        }
        return violations;
    }

    private static <S extends Enum<S>, V> void duplicates(List<Violation> violations, Guarantee guarantee,
                                                           String orderId, Map<S, List<Seen<V>>> byStatus) {
        byStatus.forEach((status, records) -> {
            if (records.size() > 1) {
                violations.add(Violation.ofOrder(guarantee, orderId, records.size() + " x " + status));
            }
        });
    }

    private static void compensation(List<Violation> violations, String orderId, OrderStatus status,
                                     OutcomeIndex<PaymentStatus, PaymentEvent> payments,
                                     OutcomeIndex<InventoryStatus, InventoryEvent> inventory) {
        boolean authorized = payments.has(orderId, PaymentStatus.AUTHORIZED);
        boolean refunded = payments.has(orderId, PaymentStatus.REFUNDED);
        boolean reserved = inventory.has(orderId, InventoryStatus.RESERVED);
        boolean released = inventory.has(orderId, InventoryStatus.RELEASED);
        if (status == OrderStatus.CONFIRMED) {
            if (!authorized || refunded) {
                violations.add(Violation.ofOrder(Guarantee.COMPENSATED, orderId, "CONFIRMED but payment "
                        + (authorized ? "REFUNDED" : "never AUTHORIZED")));
            }
            if (!reserved || released) {
                violations.add(Violation.ofOrder(Guarantee.COMPENSATED, orderId, "CONFIRMED but stock "
                        + (reserved ? "RELEASED" : "never RESERVED")));
            }
        } else {
            if (authorized && !refunded) {
                violations.add(Violation.ofOrder(Guarantee.COMPENSATED, orderId, "CANCELLED but AUTHORIZED payment never REFUNDED"));
            }
            if (reserved && !released) {
                long units = inventory.of(orderId, InventoryStatus.RESERVED).get(0).value().getLines().stream()
                        .filter(line -> line.getOutcome() == LineOutcome.RESERVED).mapToLong(line -> line.getQuantity()).sum();
                violations.add(new Violation(Guarantee.COMPENSATED, orderId, orderId,
                        "CANCELLED but RESERVED stock never RELEASED (" + units + " units held)", units, 0));
            }
        }
    }
}
