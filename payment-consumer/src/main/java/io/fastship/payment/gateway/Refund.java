package io.fastship.payment.gateway;

import java.util.Objects;

/**
 * A request to refund an order's charge in full.
 *
 * @param chargeReference the gateway's id of the charge ({@code chargeId})
 */
public record Refund(String orderId, String chargeReference, long amountMinor, String currency, String reason) {

    public Refund {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(chargeReference, "chargeReference");
        Objects.requireNonNull(currency, "currency");
    }

    public String idempotencyKey() {
        return "refund-" + orderId;
    }
}
