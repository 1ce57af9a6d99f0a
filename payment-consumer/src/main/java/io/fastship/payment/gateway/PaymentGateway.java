package io.fastship.payment.gateway;

import java.util.Optional;

/**
 * A payment gateway. Charges and refunds carry an idempotency key derived from the orderId
 * ({@link Charge#idempotencyKey()}, {@link Refund#idempotencyKey()}), the way real gateways take one (Stripe's
 * {@code Idempotency-Key}): a repeated call for the same order returns the first answer and moves no money again.
 * After a call whose outcome is unknown, {@link #lookup} asks whether the charge exists.
 */
public interface PaymentGateway extends AutoCloseable {

    /** Charges the order, or declines it; throws when the gateway gave no answer. */
    GatewayResponse authorize(Charge charge) throws GatewayUnavailableException;

    /** Refunds the order's charge in full; throws when the gateway gave no answer. */
    GatewayResponse refund(Refund refund) throws GatewayUnavailableException;

    /**
     * The charge made for this order, if any: {@code AUTHORIZED} (charged), {@code DECLINED} or {@code REFUNDED},
     * with the charge id as reference; empty when the gateway confirms there is none. Throws when it cannot say.
     */
    Optional<GatewayResponse> lookup(String orderId) throws GatewayUnavailableException;

    @Override
    default void close() {
    }
}
