package io.fastship.platform.deadletter;

/**
 * Header names on every dead letter, the same for plain consumers and Kafka Streams, so one tool
 * (the inspector, Kafka UI, kcat) shows why and where from.
 */
public final class DeadLetterHeaders {

    /** Fully qualified class of the error, e.g. {@code org.apache.kafka.common.errors.SerializationException}. */
    public static final String ERROR_CLASS = "dlq.error.class";
    /** The error's message, cut to a few KiB. */
    public static final String ERROR_MESSAGE = "dlq.error.message";
    /** What failed: {@code deserialization} or {@code processing}. */
    public static final String ERROR_STAGE = "dlq.error.stage";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String SOURCE_TIMESTAMP = "dlq.source.timestamp";
    /** The consumer group or Streams application that gave up on the record. */
    public static final String SERVICE = "dlq.service";
    /** When it was dead-lettered, epoch millis. */
    public static final String FAILED_AT = "dlq.failed.at";

    private DeadLetterHeaders() {
    }
}
