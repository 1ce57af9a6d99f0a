package io.fastship.inventory.line;

import java.util.Objects;

import io.fastship.events.LineOutcome;

/**
 * What the owner of a SKU did with one {@link LineCommand}, keyed by orderId on the line-results topic, so the
 * order's coordinator can gather every line. {@code available} is the SKU's available units after the decision,
 * null when the SKU is unknown.
 */
public record LineResult(LineCommand.Kind answers, String orderId, int line, String sku, int quantity,
                         LineOutcome outcome, Long available) {

    public LineResult {
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static LineResult to(LineCommand command, LineOutcome outcome, Long available) {
        return new LineResult(command.kind(), command.orderId(), command.line(), command.sku(), command.quantity(),
                outcome, available);
    }
}
