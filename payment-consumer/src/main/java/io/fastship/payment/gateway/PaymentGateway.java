package io.fastship.payment.gateway;

/**
 * A payment gateway. Both calls are idempotent by orderId, the way real gateways take an idempotency key
 * (Stripe's {@code Idempotency-Key}): a repeated call for the same order returns the first answer and moves no
 * money again.
 */
public interface PaymentGateway extends AutoCloseable {

    /** Authorizes (captures) the charge, or declines it; throws when the gateway cannot answer now. */
    GatewayResponse authorize(Charge charge) throws GatewayUnavailableException;

    /** Refunds the order's authorized charge in full; throws when the gateway cannot answer now. */
    GatewayResponse refund(Refund refund) throws GatewayUnavailableException;

    @Override
    default void close() {
    }
}
