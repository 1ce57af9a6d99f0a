package io.fastship.inventory.order;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryLine;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineOutcome;

/** Builds the public {@link InventoryEvent} of an order from its progress, with a reason naming the SKUs. */
final class InventoryEvents {

    private InventoryEvents() {
    }

    static InventoryEvent reserved(String orderId, OrderProgress progress, Instant now) {
        return event(orderId, InventoryStatus.RESERVED, lines(progress, false), null, now);
    }

    /** Lines that were held are shown RELEASED: their release is written in the same transaction as this event. */
    static InventoryEvent rejected(String orderId, OrderProgress progress, Instant now) {
        return event(orderId, InventoryStatus.REJECTED, lines(progress, true), rejectionReason(progress), now);
    }

    static InventoryEvent rejectedAfterCancellation(String orderId, OrderProgress progress, Instant now) {
        String reason = "order was cancelled before its stock was reserved" + suffix(progress.cancelReason());
        return event(orderId, InventoryStatus.REJECTED, lines(progress, true), reason, now);
    }

    static InventoryEvent released(String orderId, OrderProgress progress, Instant now) {
        return event(orderId, InventoryStatus.RELEASED, lines(progress, true),
                "order cancelled" + suffix(progress.cancelReason()), now);
    }

    private static InventoryEvent event(String orderId, InventoryStatus status, List<InventoryLine> lines,
                                        String reason, Instant now) {
        return InventoryEvent.newBuilder()
                .setEventId(eventId(orderId, status))
                .setOrderId(orderId)
                .setStatus(status)
                .setLines(lines)
                .setReason(reason)
                .setOccurredAt(now)
                .build();
    }

    /**
     * The same decision always gets the same id, so a reader that deduplicates by event id also holds when
     * an order's outcome is rebuilt, e.g. after restoring from the changelog into a new deployment.
     */
    static String eventId(String orderId, InventoryStatus status) {
        return UUID.nameUUIDFromBytes(("inventory/" + orderId + "/" + status).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static List<InventoryLine> lines(OrderProgress progress, boolean givingBack) {
        return progress.lines().stream().map(line -> {
            LineOutcome outcome = line.outcome() == null ? LineOutcome.NOT_RESERVED : line.outcome();
            if (givingBack && outcome == LineOutcome.RESERVED) {
                outcome = LineOutcome.RELEASED;
            }
            return new InventoryLine(line.sku(), line.quantity(), outcome, line.available());
        }).toList();
    }

    private static String rejectionReason(OrderProgress progress) {
        return progress.lines().stream()
                .filter(line -> line.outcome() != LineOutcome.RESERVED)
                .map(InventoryEvents::describeFailure)
                .distinct()
                .collect(Collectors.joining("; "));
    }

    private static String describeFailure(OrderProgress.Line line) {
        return switch (line.outcome()) {
            case UNKNOWN_SKU -> "unknown SKU " + line.sku();
            case INSUFFICIENT_STOCK -> "insufficient stock for " + line.sku() + " (requested " + line.quantity()
                    + ", available " + line.available() + ")";
            default -> line.sku() + " was not reserved";
        };
    }

    private static String suffix(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
