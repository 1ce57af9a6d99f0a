package io.fastship.order.view;

import io.fastship.events.InventoryEvent;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;

/** The four co-partitioned topics the saga reads and writes, in one namespace. */
public record SagaTopics(Topic<OrderCreated> orders, Topic<PaymentEvent> payments, Topic<InventoryEvent> inventory,
                         Topic<OrderStatusChanged> orderStatus) {

    public static SagaTopics inNamespace(String namespace) {
        return new SagaTopics(Topics.ORDERS.inNamespace(namespace), Topics.PAYMENTS.inNamespace(namespace),
                Topics.INVENTORY.inNamespace(namespace), Topics.ORDER_STATUS.inNamespace(namespace));
    }
}
