package io.fastship.inventory.order;

import java.util.ArrayList;
import java.util.List;

import io.fastship.events.LineOutcome;

/**
 * Where one order stands in the reservation, stored by orderId: the lines the SKU owners have answered for,
 * what was decided, and whether a cancellation is waiting for the decision.
 */
public record OrderProgress(Status status, List<Line> lines, boolean cancelRequested, String cancelReason) {

    /** The order's state in the inventory service. */
    public enum Status {
        /** Reserve commands are out; not every line has answered. */
        PENDING,
        /** Every line is held. */
        RESERVED,
        /** Some line could not be held; the others were given back. */
        REJECTED,
        /** It was reserved, then cancelled, and its stock given back. */
        RELEASED,
        /** Cancelled before the order itself arrived: it must never take stock. */
        CANCELLED_UNSEEN
    }

    /** One order line and its answer; {@code outcome} is null until the SKU owner answers. */
    public record Line(String sku, int quantity, LineOutcome outcome, Long available, boolean released) {

        Line answered(LineOutcome newOutcome, Long newAvailable) {
            return new Line(sku, quantity, newOutcome, newAvailable, released);
        }

        Line givenBack() {
            return new Line(sku, quantity, outcome, available, true);
        }
    }

    public OrderProgress {
        lines = List.copyOf(lines);
    }

    static OrderProgress pending(List<Line> lines) {
        return new OrderProgress(Status.PENDING, lines, false, null);
    }

    static OrderProgress cancelledUnseen(String reason) {
        return new OrderProgress(Status.CANCELLED_UNSEEN, List.of(), true, reason);
    }

    boolean allAnswered() {
        return lines.stream().allMatch(line -> line.outcome() != null);
    }

    boolean allReserved() {
        return lines.stream().allMatch(line -> line.outcome() == LineOutcome.RESERVED);
    }

    OrderProgress with(Status newStatus) {
        return new OrderProgress(newStatus, lines, cancelRequested, cancelReason);
    }

    OrderProgress withCancelRequest(String reason) {
        return new OrderProgress(status, lines, true, reason);
    }

    OrderProgress withLine(int index, Line line) {
        List<Line> copy = new ArrayList<>(lines);
        copy.set(index, line);
        return new OrderProgress(status, copy, cancelRequested, cancelReason);
    }
}
