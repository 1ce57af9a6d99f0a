package io.fastship.platform.tracing;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.fastship.platform.logging.LogContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Observes the processing of consumed records by one processor: a {@code process <topic>} consumer span whose
 * parent is the context in the record's headers (a new root when there is none), {@code orderId}/{@code traceId}
 * in the MDC, and the timers {@code fastship_processing_seconds} and {@code fastship_event_latency_seconds}.
 */
public final class RecordObserver {

    static final String PROCESSING = "fastship.processing";
    static final String EVENT_LATENCY = "fastship.event.latency";

    private final Tracing tracing;
    private final MeterRegistry registry;
    private final String processor;
    private final String consumerGroup;
    private final Clock clock;
    // A timer per topic (and outcome), found once: building and registering one per record showed in the profile.
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<String, Timer> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Timer> errored = new ConcurrentHashMap<>();

    /**
     * @param processor     the step, a metric tag: e.g. {@code payment-processor}, {@code order-saga}
     * @param consumerGroup the consumer group or Streams application id
     */
    public RecordObserver(Tracing tracing, MeterRegistry registry, String processor, String consumerGroup,
                          Clock clock) {
        this.tracing = tracing;
        this.registry = registry;
        this.processor = processor;
        this.consumerGroup = consumerGroup;
        this.clock = clock;
    }

    public Tracing tracing() {
        return tracing;
    }

    /** Starts observing a plain consumer's record; close the scope when its processing is done. */
    public RecordScope process(ConsumerRecord<?, ?> record, String orderId) {
        return process(record.topic(), record.partition(), record.offset(), record.timestamp(), record.headers(),
                orderId);
    }

    /** Starts observing a record known by its coordinates (Kafka Streams). */
    public RecordScope process(String topic, int partition, long offset, long timestamp, Headers headers,
                               String orderId) {
        Context parent = tracing.parentFor(tracing.extract(Context.root(), headers));
        var builder = tracing.tracer().spanBuilder("process " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(MessagingAttributes.SYSTEM, MessagingAttributes.KAFKA)
                .setAttribute(MessagingAttributes.DESTINATION, topic)
                .setAttribute(MessagingAttributes.PARTITION, (long) partition)
                .setAttribute(MessagingAttributes.OFFSET, offset)
                .setAttribute(MessagingAttributes.CONSUMER_GROUP, consumerGroup)
                .setAttribute(MessagingAttributes.OPERATION_TYPE, "process")
                .setAttribute(MessagingAttributes.OPERATION_NAME, "process");
        if (orderId != null) {
            builder.setAttribute(MessagingAttributes.ORDER_ID, orderId);
        }
        Span span = builder.startSpan();
        LogContext logs = LogContext.of(orderId, Tracing.traceIdOf(span));
        return new RecordScope(this, span, span.makeCurrent(), logs, topic, timestamp, orderId, System.nanoTime());
    }

    /** A producer span for an output, child of {@code parent}, whose context is written into {@code headers}. */
    void sent(Context parent, String topic, Headers headers, String orderId, long inputTimestamp) {
        var builder = tracing.tracer().spanBuilder("send " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MessagingAttributes.SYSTEM, MessagingAttributes.KAFKA)
                .setAttribute(MessagingAttributes.DESTINATION, topic)
                .setAttribute(MessagingAttributes.OPERATION_TYPE, "send")
                .setAttribute(MessagingAttributes.OPERATION_NAME, "send");
        if (orderId != null) {
            builder.setAttribute(MessagingAttributes.ORDER_ID, orderId);
        }
        Span span = builder.startSpan();
        tracing.inject(parent.with(span), headers);
        span.end();
        if (inputTimestamp >= 0) {
            long millis = Math.max(0, clock.millis() - inputTimestamp);
            latencies.computeIfAbsent(topic, t -> timer(EVENT_LATENCY,
                    "Event time of the input record to its output being produced", "topic", t))
                    .record(Duration.ofMillis(millis));
        }
    }

    void finished(String topic, long startNanos, boolean failed) {
        (failed ? errored : succeeded).computeIfAbsent(topic, t -> Timer.builder(PROCESSING)
                        .description("Time spent processing one input record")
                        .tag("processor", processor).tag("topic", t).tag("outcome", failed ? "error" : "success")
                        .publishPercentileHistogram()
                        .register(registry))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String name, String description, String tagKey, String tagValue) {
        return Timer.builder(name).description(description)
                .tag("processor", processor).tag(tagKey, tagValue)
                .publishPercentileHistogram()
                .register(registry);
    }
}
