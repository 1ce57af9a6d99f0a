package io.fastship.chaos.audit;

import java.util.List;
import java.util.Map;

import io.fastship.events.InventoryEvent;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.StockAdjusted;

/**
 * Everything the topics held when the audit read them, decoded; each list in log order per key.
 *
 * @param undecodable records per topic whose value was not a valid event of that topic (poison is expected on orders)
 */
public record Evidence(List<Seen<OrderCreated>> orders, List<Seen<OrderStatusChanged>> statuses,
                       List<Seen<PaymentEvent>> payments, List<Seen<InventoryEvent>> inventory,
                       List<Seen<StockAdjusted>> stock, List<DeadLetterSeen> deadLetters,
                       Map<String, Integer> undecodable) {

    public Evidence {
        orders = List.copyOf(orders);
        statuses = List.copyOf(statuses);
        payments = List.copyOf(payments);
        inventory = List.copyOf(inventory);
        stock = List.copyOf(stock);
        deadLetters = List.copyOf(deadLetters);
        undecodable = Map.copyOf(undecodable);
    }
}
