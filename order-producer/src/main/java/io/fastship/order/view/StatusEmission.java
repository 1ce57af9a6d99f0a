package io.fastship.order.view;

import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentStatus;

/**
 * One {@code OrderStatusChanged} the fold decided to emit: a transition, or a repeated CANCELLED that carries an
 * outcome which arrived after the cancellation and still needs compensating.
 *
 * @param version the order's emission counter after this emission; the event id derives from it
 */
public record StatusEmission(OrderStatus status, String reason, PaymentStatus paymentStatus,
                             InventoryStatus inventoryStatus, long version) {
}
