package io.fastship.order.intake;

import java.util.List;
import java.util.Map;

/** Whether a replayed {@code Idempotency-Key} asks for the same order as the one stored under its id. */
public final class ReplayMatch {

    private ReplayMatch() {
    }

    /**
     * Same currency, SKUs and quantities (the customer is part of the id already). Prices are not compared: the
     * server set them, and a replay after a price change must still find the order it already placed.
     */
    public static boolean sameContent(Map<String, Object> stored, ValidOrder requested) {
        if (!requested.currency().equals(stored.get("currency")) || !(stored.get("items") instanceof List<?> items)
                || items.size() != requested.lines().size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            RequestedLine wanted = requested.lines().get(i);
            if (!(items.get(i) instanceof Map<?, ?> line) || !wanted.sku().equals(line.get("sku"))
                    || !(line.get("quantity") instanceof Number quantity)
                    || quantity.longValue() != wanted.quantity()) {
                return false;
            }
        }
        return true;
    }
}
