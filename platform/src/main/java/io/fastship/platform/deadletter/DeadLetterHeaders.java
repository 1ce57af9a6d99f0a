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
    /**
     * Present when the value was cut to fit the producer's request size: the original value's length in bytes.
     * The dead letter then holds only the first bytes of the value.
     */
    public static final String VALUE_TRUNCATED = "dlq.value.truncated";
    /** Present when the key was cut: the original key's length in bytes. */
    public static final String KEY_TRUNCATED = "dlq.key.truncated";
    /** Present when original headers were left out for size: how many. */
    public static final String HEADERS_DROPPED = "dlq.headers.dropped";
    /** When it was dead-lettered, epoch millis. */
    public static final String FAILED_AT = "dlq.failed.at";

    private DeadLetterHeaders() {
    }
}
