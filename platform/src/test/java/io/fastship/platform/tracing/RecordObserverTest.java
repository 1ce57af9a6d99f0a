package io.fastship.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.fastship.platform.logging.LogContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RecordObserverTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT = "00-" + TRACE + "-b7ad6b7169203331-01";
    private static final long INPUT_TIME = 1_700_000_000_000L;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RecordObserver observer = new RecordObserver(Tracing.of(sdk), registry, "payment-processor",
            "payment-service", Clock.fixed(Instant.ofEpochMilli(INPUT_TIME + 250), ZoneOffset.UTC));

    @AfterEach
    void close() {
        sdk.close();
        MDC.clear();
    }

    @Test
    void aRecordIsProcessedInAConsumerSpanChildOfItsHeadersAndItsOutputInAProducerSpan() {
        RecordHeaders incoming = new RecordHeaders();
        incoming.add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, byte[]> record = record(incoming);
        RecordHeaders output = new RecordHeaders(record.headers());

        try (RecordScope scope = observer.process(record, "o-1")) {
            assertThat(MDC.get(LogContext.ORDER_ID)).isEqualTo("o-1");
            assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo(TRACE);
            scope.sent("payments", output);
        }

        assertThat(MDC.get(LogContext.ORDER_ID)).isNull();
        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData send = finished.get(0);
        SpanData process = finished.get(1);
        assertThat(process.getName()).isEqualTo("process orders");
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getTraceId()).isEqualTo(TRACE);
        assertThat(process.getParentSpanId()).isEqualTo("b7ad6b7169203331");
        assertThat(process.getAttributes().get(MessagingAttributes.SYSTEM)).isEqualTo("kafka");
        assertThat(process.getAttributes().get(MessagingAttributes.DESTINATION)).isEqualTo("orders");
        assertThat(process.getAttributes().get(MessagingAttributes.PARTITION)).isEqualTo(3L);
        assertThat(process.getAttributes().get(MessagingAttributes.OFFSET)).isEqualTo(42L);
        assertThat(process.getAttributes().get(MessagingAttributes.CONSUMER_GROUP)).isEqualTo("payment-service");
        assertThat(process.getAttributes().get(MessagingAttributes.OPERATION_TYPE)).isEqualTo("process");
        assertThat(process.getAttributes().get(MessagingAttributes.ORDER_ID)).isEqualTo("o-1");
        assertThat(send.getName()).isEqualTo("send payments");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(process.getSpanId());
        assertThat(send.getAttributes().get(MessagingAttributes.OPERATION_TYPE)).isEqualTo("send");
        assertThat(new String(output.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + TRACE + "-" + send.getSpanId() + "-01");
        assertThat(output.headers("traceparent")).hasSize(1);
    }

    @Test
    void aRecordWithoutTraceHeadersStartsANewTrace() {
        try (RecordScope scope = observer.process(record(new RecordHeaders()), "o-2")) {
            assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo(scope.traceId().orElseThrow());
        }

        SpanData process = spans.getFinishedSpanItems().get(0);
        assertThat(process.getParentSpanContext().isValid()).isFalse();
        assertThat(process.getTraceId()).isNotEqualTo(TRACE);
    }

    @Test
    void processingTimeAndEventLatencyAreTimed() {
        try (RecordScope scope = observer.process(record(new RecordHeaders()), "o-3")) {
            scope.sent("payments", new RecordHeaders());
        }
        try (RecordScope scope = observer.process(record(new RecordHeaders()), "o-4")) {
            scope.failed(new IllegalStateException("gateway down"));
        }

        assertThat(registry.get("fastship.processing").tags("processor", "payment-processor", "topic", "orders",
                "outcome", "success").timer().count()).isEqualTo(1);
        assertThat(registry.get("fastship.processing").tags("outcome", "error").timer().count()).isEqualTo(1);
        var latency = registry.get("fastship.event.latency").tags("topic", "payments").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(250.0);
        assertThat(spans.getFinishedSpanItems().get(2).getStatus().getStatusCode())
                .isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    private static ConsumerRecord<String, byte[]> record(RecordHeaders headers) {
        return new ConsumerRecord<>("orders", 3, 42L, INPUT_TIME, TimestampType.CREATE_TIME, 0, 0, "o-1", new byte[0],
                headers, java.util.Optional.empty());
    }
}
