package io.fastship.payment.gateway;

import java.util.Objects;

/** A request to charge an order; its idempotency key is derived from the orderId. */
public record Charge(String orderId, String paymentToken, long amountMinor, String currency) {

    public Charge {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(paymentToken, "paymentToken");
        Objects.requireNonNull(currency, "currency");
    }

    /** The same order always gets the same key, so every retry and redelivery names the same charge. */
    public static String idempotencyKey(String orderId) {
        return "charge-" + orderId;
    }

    public String idempotencyKey() {
        return idempotencyKey(orderId);
    }
}
