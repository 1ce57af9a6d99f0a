package io.fastship.payment.gateway;

import java.util.Objects;

/** A request to charge an order; {@code orderId} is the idempotency key. */
public record Charge(String orderId, String paymentToken, long amountMinor, String currency) {

    public Charge {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentToken, "paymentToken");
        Objects.requireNonNull(currency, "currency");
    }
}
