package io.fastship.order.intake;

import java.util.List;

import io.fastship.events.LineItem;

/** An order request that passed every rule; the total is computed without overflow. */
public record ValidOrder(String customerId, String currency, List<LineItem> items, long totalMinor,
                         String paymentToken) {

    public ValidOrder {
        items = List.copyOf(items);
    }
}
