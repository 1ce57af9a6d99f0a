package io.fastship.order.intake;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.fastship.events.OrderCreated;
import io.fastship.platform.tracing.MessagingAttributes;
import io.fastship.platform.tracing.Tracing;
import io.fastship.schemas.TypedTopic;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code OrderCreated} keyed by order id and tells the caller when the broker has it: the future completes
 * in the producer's callback once every in-sync replica acknowledged ({@code acks=all}, idempotent), or fails
 * within the publish timeout. No request thread waits for the broker. Each send is a {@code send orders} producer
 * span whose context travels in the record's {@code traceparent} header.
 */
public final class OrderPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OrderPublisher.class);

    private final Producer<String, OrderCreated> producer;
    private final TypedTopic<String, OrderCreated> topic;
    private final Duration timeout;
    private final Duration closeTimeout;
    private final Tracing tracing;
    private final Executor answers;

    /**
     * @param answers where the returned futures complete: not on the producer's I/O thread, which would otherwise
     *                write every HTTP response itself (the callers' stages run where the future completes) while
     *                no batch can be sent or acknowledged
     */
    public OrderPublisher(Producer<String, OrderCreated> producer, TypedTopic<String, OrderCreated> topic,
                          Duration timeout, Duration closeTimeout, Tracing tracing, Executor answers) {
        this.tracing = tracing;
        this.answers = answers;
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Producer settings that bound every wait by {@code timeout}: {@code max.block.ms} caps a send that waits for
     * metadata or buffer space, {@code delivery.timeout.ms} caps the retries of a batch.
     */
    public static Map<String, Object> boundedBy(Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        long millis = timeout.toMillis();
        long linger = 5;
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) millis);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms, or the producer refuses to start.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, millis - linger));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
        return config;
    }

    /** Fetches the topic's metadata now, so the first order does not wait for it on a request thread. */
    public void warmUp() {
        int partitions = producer.partitionsFor(topic.name()).size();
        log.info("Publishing orders to {} ({} partitions), timeout {}", topic.name(), partitions, timeout);
    }

    /** Completes with the record's position once acknowledged; fails with the producer's error otherwise. */
    public CompletableFuture<RecordMetadata> publish(OrderCreated order) {
        return publish(order, Context.current());
    }

    /** As {@link #publish(OrderCreated)}, the send span a child of {@code parent} (the HTTP request's span). */
    public CompletableFuture<RecordMetadata> publish(OrderCreated order, Context parent) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        Span span = tracing.tracer().spanBuilder("send " + topic.name()).setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MessagingAttributes.SYSTEM, MessagingAttributes.KAFKA)
                .setAttribute(MessagingAttributes.DESTINATION, topic.name())
                .setAttribute(MessagingAttributes.OPERATION_TYPE, "send")
                .setAttribute(MessagingAttributes.OPERATION_NAME, "send")
                .setAttribute(MessagingAttributes.ORDER_ID, order.getOrderId())
                .startSpan();
        try {
            ProducerRecord<String, OrderCreated> record = new ProducerRecord<>(topic.name(), order.getOrderId(), order);
            tracing.inject(parent.with(span), record.headers());
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    span.recordException(error);
                    span.setStatus(StatusCode.ERROR, error.toString());
                    span.end();
                    answer(() -> acknowledged.completeExceptionally(error));
                } else {
                    span.setAttribute(MessagingAttributes.PARTITION, (long) metadata.partition());
                    span.setAttribute(MessagingAttributes.OFFSET, metadata.offset());
                    span.end();
                    answer(() -> acknowledged.complete(metadata));
                }
            });
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.toString());
            span.end();
            // max.block.ms ran out, the record is too large, the registry refused the schema, or we are closing.
            acknowledged.completeExceptionally(e);
        }
        // The callback always comes within delivery.timeout.ms; this is the belt to that brace.
        return acknowledged.orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }

    private void answer(Runnable completion) {
        try {
            answers.execute(completion);
        } catch (RejectedExecutionException closing) {
            // Shutting down: the caller still gets its answer, from the I/O thread.
            completion.run();
        }
    }

    @Override
    public void close() {
        // Flush what was sent (its callers are waiting for the answer), but never longer than the bound.
        producer.close(closeTimeout);
    }
}
