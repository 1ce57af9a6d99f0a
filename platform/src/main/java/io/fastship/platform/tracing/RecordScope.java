package io.fastship.platform.tracing;

import java.util.Optional;

import io.fastship.platform.logging.LogContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.apache.kafka.common.header.Headers;

/**
 * The processing of one consumed record, from {@link RecordObserver#process}: its span is current and its ids are
 * in the MDC until {@link #close()}, which must run on the thread that opened it.
 */
public final class RecordScope implements AutoCloseable {

    private final RecordObserver observer;
    private final Span span;
    private final Scope scope;
    private final LogContext logs;
    private final String topic;
    private final long inputTimestamp;
    private final String orderId;
    private final long startNanos;
    private boolean failed;

    RecordScope(RecordObserver observer, Span span, Scope scope, LogContext logs, String topic, long inputTimestamp,
                String orderId, long startNanos) {
        this.observer = observer;
        this.span = span;
        this.scope = scope;
        this.logs = logs;
        this.topic = topic;
        this.inputTimestamp = inputTimestamp;
        this.orderId = orderId;
        this.startNanos = startNanos;
    }

    public Span span() {
        return span;
    }

    public Optional<String> traceId() {
        return Tracing.traceIdOf(span);
    }

    /**
     * Records that an output of this input goes to {@code topic}: a {@code send <topic>} producer span, its context
     * written into the output's {@code headers}, and the input's event time to now in the latency timer.
     */
    public void sent(String topic, Headers headers) {
        observer.sent(Context.current().with(span), topic, headers, orderId, inputTimestamp);
    }

    /** Marks the processing failed; the span gets the error. */
    public void failed(Throwable error) {
        failed = true;
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, error.toString());
    }

    @Override
    public void close() {
        try {
            scope.close();
            span.end();
        } finally {
            logs.close();
            observer.finished(topic, startNanos, failed);
        }
    }
}
