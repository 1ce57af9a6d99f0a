package io.fastship.chaos.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fastship.events.AdjustmentMode;
import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryLine;
import io.fastship.events.InventoryStatus;
import io.fastship.events.LineOutcome;
import io.fastship.events.StockAdjusted;

/**
 * The auditor's own count of every SKU, replayed from the public topics alone: adjustments set or add available
 * units; a RESERVED event moves its reserved lines from available to reserved, a RELEASED event moves its released
 * lines back; a REJECTED event moves nothing (what it held was given back in the same transaction). There is no
 * "sold" step yet, so a CONFIRMED order's units stay reserved. Moves are replayed in the order they were decided
 * ({@code occurredAt}); on a tie, units given back come first, as the service could only promise them afterwards.
 */
final class StockModel {

    /** A SKU's units and the first moment they went below zero, if ever. */
    static final class Level {
        long initial;
        long available;
        long reserved;
        String negativeAt;

        long total() {
            return available + reserved;
        }
    }

    private record Move(Instant at, int rank, String sku, long toAvailable, long toReserved, Long setTo, String cause) {
    }

    private final Map<String, Level> levels = new TreeMap<>();

    StockModel(List<Seen<StockAdjusted>> adjustments, List<Seen<InventoryEvent>> inventory) {
        List<Move> moves = new ArrayList<>();
        for (Seen<StockAdjusted> seen : adjustments) {
            StockAdjusted adjustment = seen.value();
            boolean set = adjustment.getMode() == AdjustmentMode.SET;
            moves.add(new Move(adjustment.getOccurredAt(), 0, adjustment.getSku(), set ? 0 : adjustment.getQuantity(),
                    0, set ? adjustment.getQuantity() : null, "adjustment " + adjustment.getEventId()));
        }
        for (Seen<InventoryEvent> seen : inventory) {
            InventoryEvent event = seen.value();
            LineOutcome moved = event.getStatus() == InventoryStatus.RESERVED ? LineOutcome.RESERVED
                    : event.getStatus() == InventoryStatus.RELEASED ? LineOutcome.RELEASED : null;
            if (moved == null) {
                continue;
            }
            for (InventoryLine line : event.getLines()) {
                if (line.getOutcome() == moved) {
                    long units = moved == LineOutcome.RESERVED ? line.getQuantity() : -line.getQuantity();
                    moves.add(new Move(event.getOccurredAt(), moved == LineOutcome.RESERVED ? 2 : 1, line.getSku(),
                            -units, units, null, "order " + event.getOrderId()));
                }
            }
        }
        moves.sort(Comparator.comparing(Move::at).thenComparingInt(Move::rank));
        moves.forEach(this::apply);
    }

    private void apply(Move move) {
        Level level = levels.computeIfAbsent(move.sku(), sku -> new Level());
        if (move.setTo() != null) {
            level.initial += move.setTo() - level.available;
            level.available = move.setTo();
        } else if (move.toReserved() == 0) {
            level.initial += move.toAvailable();
            level.available += move.toAvailable();
        } else {
            level.available += move.toAvailable();
            level.reserved += move.toReserved();
        }
        if ((level.available < 0 || level.reserved < 0) && level.negativeAt == null) {
            level.negativeAt = move.cause() + " at " + move.at() + " left available " + level.available
                    + ", reserved " + level.reserved;
        }
    }

    /** Every SKU any adjustment or reservation named, by SKU. */
    Map<String, Level> levels() {
        return levels;
    }
}
