package io.fastship.chaos.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One status a watching client was told about one order, as the order service sent it (the text, so a status
 * the events do not know is kept and judged too), with the moment it arrived.
 */
public record Told(String orderId, String status, Instant at) {

    public Told {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
