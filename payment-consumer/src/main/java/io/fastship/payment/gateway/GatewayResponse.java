package io.fastship.payment.gateway;

import java.util.Objects;

/** The gateway's answer: the outcome, its reference for the operation, and a reason when declined. */
public record GatewayResponse(Outcome outcome, String reference, String reason) {

    /** What the gateway did. */
    public enum Outcome {
        AUTHORIZED, DECLINED, REFUNDED,
        /** Nothing to refund: the gateway holds no authorized charge for the order. */
        NOT_REFUNDABLE
    }

    public GatewayResponse {
        Objects.requireNonNull(outcome, "outcome");
    }
}
