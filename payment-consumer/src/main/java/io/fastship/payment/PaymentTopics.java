package io.fastship.payment;

import java.time.Duration;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.schemas.EventTopics;
import io.fastship.schemas.Topics;
import io.fastship.schemas.TopicSettings;
import io.fastship.schemas.TypedTopic;

/**
 * The topics the payment service uses, taken from the deployment's {@link EventTopics}: what it reads, what it
 * writes, its dead-letter topic and the one topic of its own, the outcome changelog.
 */
public record PaymentTopics(String groupId, TypedTopic<String, OrderCreated> orders,
                            TypedTopic<String, OrderStatusChanged> orderStatus, TypedTopic<String, PaymentEvent> payments,
                            String deadLetter, TypedTopic<String, PaymentEvent> outcomes) {

    private static final String OUTCOMES_SUFFIX = ".outcomes";

    /** The payment topics of the consumer group {@code groupId} (namespace included), outcomes kept 7 days. */
    public static PaymentTopics of(EventTopics events, String groupId) {
        return of(events, groupId, TopicSettings.events().retention());
    }

    /** The payment topics of {@code groupId}; the changelog keeps an outcome for {@code stateRetention}. */
    public static PaymentTopics of(EventTopics events, String groupId, Duration stateRetention) {
        // The changelog of processed orders: one record per order, the last PaymentEvent emitted for it, deleted by
        // the broker after the retention (compact,delete), so a restore never reads more than that.
        TypedTopic<String, PaymentEvent> outcomes = new TypedTopic<>(groupId + OUTCOMES_SUFFIX,
                events.payments().keySerde(), events.payments().valueSerde(),
                TopicSettings.expiringTable(stateRetention).withPartitions(events.orders().settings().partitions()));
        return new PaymentTopics(groupId, events.orders(), events.orderStatus(), events.payments(),
                Topics.deadLetter(groupId), outcomes);
    }
}
