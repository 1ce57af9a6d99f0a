package io.fastship.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fastship.events.InventoryEvent;
import io.fastship.events.InventoryStatus;
import io.fastship.platform.tracing.MessagingAttributes;
import io.fastship.platform.tracing.Tracing;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order's trace context survives every hop of the topology, through the internal line topics. */
class InventoryTracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String ORDER_SEND_SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final InventoryDriver inventory = new InventoryDriver(Tracing.of(sdk));

    @AfterEach
    void close() {
        inventory.close();
        sdk.close();
    }

    @Test
    void aReservationIsOneTraceFromTheOrderThroughLineCommandsAndResultsToTheInventoryEvent() {
        inventory.set("SKU-1", 5);
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", ("00-" + TRACE + "-" + ORDER_SEND_SPAN + "-01").getBytes(StandardCharsets.UTF_8));

        inventory.pipe(InventoryDriver.orderCreated("o-1", "SKU-1", 2), headers);

        TestRecord<String, InventoryEvent> event = inventory.nextEventRecord();
        assertThat(event.value().getStatus()).isEqualTo(InventoryStatus.RESERVED);
        List<SpanData> trace = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(TRACE))
                .toList();
        Map<String, SpanData> byName = trace.stream().collect(Collectors.toMap(SpanData::getName,
                Function.identity()));
        InventoryTopics topics = inventory.topics;
        SpanData processOrder = byName.get("process " + topics.orders());
        SpanData sendCommand = byName.get("send " + topics.lineCommands());
        SpanData processCommand = byName.get("process " + topics.lineCommands());
        SpanData sendResult = byName.get("send " + topics.lineResults());
        SpanData processResult = byName.get("process " + topics.lineResults());
        SpanData sendEvent = byName.get("send " + topics.inventory());
        assertThat(processOrder.getParentSpanId()).isEqualTo(ORDER_SEND_SPAN);
        assertThat(sendCommand.getParentSpanId()).isEqualTo(processOrder.getSpanId());
        assertThat(processCommand.getParentSpanId()).isEqualTo(sendCommand.getSpanId());
        assertThat(sendResult.getParentSpanId()).isEqualTo(processCommand.getSpanId());
        assertThat(processResult.getParentSpanId()).isEqualTo(sendResult.getSpanId());
        assertThat(sendEvent.getParentSpanId()).isEqualTo(processResult.getSpanId());
        assertThat(processCommand.getAttributes().get(MessagingAttributes.ORDER_ID)).isEqualTo("o-1");
        assertThat(processCommand.getAttributes().get(MessagingAttributes.CONSUMER_GROUP))
                .isEqualTo(topics.applicationId());
        assertThat(new String(event.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + TRACE + "-" + sendEvent.getSpanId() + "-01");
    }

    @Test
    void anOrderWithoutTraceHeadersIsStillReservedUnderANewTrace() {
        inventory.set("SKU-1", 5);

        inventory.pipe(InventoryDriver.orderCreated("o-2", "SKU-1", 1), new RecordHeaders());

        TestRecord<String, InventoryEvent> event = inventory.nextEventRecord();
        assertThat(event.value().getStatus()).isEqualTo(InventoryStatus.RESERVED);
        SpanData processOrder = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("process " + inventory.topics.orders())).findFirst().orElseThrow();
        assertThat(processOrder.getParentSpanContext().isValid()).isFalse();
        assertThat(new String(event.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .contains(processOrder.getTraceId());
    }
}
