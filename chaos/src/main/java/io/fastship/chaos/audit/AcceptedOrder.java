package io.fastship.chaos.audit;

import java.time.Instant;
import java.util.Objects;

/** An order the order service answered 202 for: from then on, the system owes it a final status. */
public record AcceptedOrder(String orderId, Instant acceptedAt) {

    public AcceptedOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
