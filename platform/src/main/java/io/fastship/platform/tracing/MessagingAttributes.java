package io.fastship.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;

/** Span attribute names of the OpenTelemetry messaging semantic conventions we set, plus {@code order.id}. */
public final class MessagingAttributes {

    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.kafka.destination.partition");
    public static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.message.offset");
    public static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
    public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");
    public static final String KAFKA = "kafka";

    private MessagingAttributes() {
    }
}
