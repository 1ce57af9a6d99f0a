package io.fastship.payment.gateway;

import java.util.Objects;

/** A request to refund an order's charge in full; {@code orderId} is the idempotency key. */
public record Refund(String orderId, long amountMinor, String currency, String reason) {

    public Refund {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
    }
}
