package io.fastship.payment;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.schemas.Topic;
import io.fastship.schemas.TopicSettings;
import io.fastship.schemas.Topics;

/**
 * The topics of one payment-service deployment, resolved in its namespace: what it reads, what it writes, its
 * dead-letter topic and its outcome changelog.
 */
public record PaymentTopics(String groupId, Topic<OrderCreated> orders, Topic<OrderStatusChanged> orderStatus,
                            Topic<PaymentEvent> payments, String deadLetter, Topic<PaymentEvent> outcomes) {

    /** The consumer group (and service id) without a namespace. */
    public static final String SERVICE_ID = "payment-service";
    private static final String OUTCOMES_SUFFIX = ".outcomes";

    public static PaymentTopics in(String namespace, int partitions) {
        String groupId = namespace == null || namespace.isBlank() ? SERVICE_ID : namespace.strip() + "." + SERVICE_ID;
        return new PaymentTopics(groupId,
                Topics.ORDERS.inNamespace(namespace).withSettings(Topics.ORDERS.settings().withPartitions(partitions)),
                Topics.ORDER_STATUS.inNamespace(namespace)
                        .withSettings(Topics.ORDER_STATUS.settings().withPartitions(partitions)),
                Topics.PAYMENTS.inNamespace(namespace)
                        .withSettings(Topics.PAYMENTS.settings().withPartitions(partitions)),
                Topics.deadLetter(groupId),
                // The changelog of processed orders: one record per order, the last PaymentEvent emitted for it.
                new Topic<>(groupId + OUTCOMES_SUFFIX, PaymentEvent.class, "orderId",
                        TopicSettings.compacted().withPartitions(partitions)));
    }
}
