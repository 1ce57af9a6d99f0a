package io.fastship.chaos.audit;

import java.util.Objects;

/**
 * One broken promise. {@code orderId} is set when the violation belongs to an order (so the report can put it in
 * that order's fault window); {@code units} counts the stock units it concerns, {@code minor} the money.
 */
public record Violation(Guarantee guarantee, String orderId, String subject, String detail, long units, long minor) {

    public Violation {
        Objects.requireNonNull(guarantee, "guarantee");
        Objects.requireNonNull(detail, "detail");
    }

    public static Violation ofOrder(Guarantee guarantee, String orderId, String detail) {
        return new Violation(guarantee, orderId, orderId, detail, 0, 0);
    }

    /** The one line a report or a failing test prints. */
    public String describe() {
        return guarantee + " " + (subject == null ? "" : subject + ": ") + detail;
    }
}
