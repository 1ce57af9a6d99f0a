package io.fastship.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TracingTest {

    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void withoutAnEndpointNothingIsExportedButTheIncomingContextStillPropagates() {
        try (Tracing tracing = Tracing.fromEnv(new Env(Map.of()), "svc")) {
            assertThat(tracing.exporting()).isFalse();
            org.apache.kafka.common.header.Headers in = new RecordHeaders().add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8));

            Span child = tracing.tracer().spanBuilder("process").setParent(tracing.extract(Context.root(), in))
                    .startSpan();
            RecordHeaders out = new RecordHeaders();
            tracing.inject(Context.root().with(child), out);

            assertThat(child.isRecording()).isFalse();
            assertThat(child.getSpanContext().getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
            assertThat(header(out, "traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-")
                    .endsWith("-01");
        }
    }

    @Test
    void withoutAnEndpointANewRootStillGetsATraceIdForTheLogs() {
        try (Tracing tracing = Tracing.propagatingOnly()) {
            Span root = tracing.tracer().spanBuilder("POST /orders").setParent(tracing.parentFor(Context.root()))
                    .startSpan();
            Span other = tracing.tracer().spanBuilder("POST /orders").setParent(tracing.parentFor(Context.root()))
                    .startSpan();

            assertThat(root.isRecording()).isFalse();
            assertThat(Tracing.traceIdOf(root)).hasValueSatisfying(id -> assertThat(id).hasSize(32));
            assertThat(root.getSpanContext().isSampled()).isFalse();
            assertThat(other.getSpanContext().getTraceId()).isNotEqualTo(root.getSpanContext().getTraceId());
        }
    }

    @Test
    void anEndpointTurnsExportOn() {
        try (Tracing tracing = Tracing.fromEnv(new Env(Map.of(Tracing.ENDPOINT, "http://127.0.0.1:4317",
                "OTEL_SERVICE_NAME", "svc-1")), "svc")) {
            assertThat(tracing.exporting()).isTrue();
            // Not ended: nothing is queued for the absent collector, so closing does not wait on it.
            Span span = tracing.tracer().spanBuilder("work").startSpan();
            assertThat(span.isRecording()).isTrue();
        }
    }

    @Test
    void otelSdkDisabledWins() {
        try (Tracing tracing = Tracing.fromEnv(new Env(Map.of(Tracing.ENDPOINT, "http://jaeger:4317",
                Tracing.SDK_DISABLED, "true")), "svc")) {
            assertThat(tracing.exporting()).isFalse();
        }
    }

    @Test
    void aMalformedEndpointFailsNamingTheVariable() {
        assertThatThrownBy(() -> Tracing.fromEnv(new Env(Map.of(Tracing.ENDPOINT, "jaeger:4317")), "svc"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(Tracing.ENDPOINT + " must be an http(s) URL");
        assertThatThrownBy(() -> Tracing.fromEnv(new Env(Map.of(Tracing.TRACES_ENDPOINT, "nope")), "svc"))
                .isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).variable()).isEqualTo(Tracing.TRACES_ENDPOINT);
    }

    @Test
    void otelVariablesBecomeSdkProperties() {
        Map<String, String> properties = Tracing.properties(new Env(Map.of("OTEL_SERVICE_NAME", "payment-1",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "KAFKA_BOOTSTRAP_SERVERS", "x:1")));

        assertThat(properties).containsExactlyInAnyOrderEntriesOf(Map.of("otel.service.name", "payment-1",
                "otel.exporter.otlp.protocol", "http/protobuf"));
    }

    @Test
    void injectReplacesTheTraceHeadersCopiedFromTheInput() {
        try (Tracing tracing = Tracing.propagatingOnly()) {
            org.apache.kafka.common.header.Headers headers = new RecordHeaders().add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8))
                    .add("other", new byte[] {1});
            SpanContext next = SpanContext.create("11111111111111111111111111111111", "2222222222222222",
                    io.opentelemetry.api.trace.TraceFlags.getSampled(), io.opentelemetry.api.trace.TraceState.getDefault());

            tracing.inject(Context.root().with(Span.wrap(next)), headers);

            assertThat(headers.headers("traceparent")).hasSize(1);
            assertThat(header(headers, "traceparent"))
                    .isEqualTo("00-11111111111111111111111111111111-2222222222222222-01");
            assertThat(headers.lastHeader("other")).isNotNull();
            SpanContext extracted = Span.fromContext(tracing.extract(Context.root(), headers)).getSpanContext();
            assertThat(extracted.isRemote()).isTrue();
            assertThat(extracted.getSpanId()).isEqualTo("2222222222222222");
        }
    }

    @Test
    void headersWithoutTraceContextExtractNothing() {
        try (Tracing tracing = Tracing.propagatingOnly()) {
            Context extracted = tracing.extract(Context.root(), new RecordHeaders().add("traceparent",
                    "garbage".getBytes(StandardCharsets.UTF_8)));

            assertThat(Span.fromContext(extracted).getSpanContext().isValid()).isFalse();
        }
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldHandOutTheTraceIdOfATraceparentAndRejectMalformedOnes() {
        assertThat(Tracing.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(Tracing.traceIdOf("not-a-traceparent")).isEmpty();
    }

    @Test
    void shouldWriteTheCurrentSpanAsATraceparentThatReadsBackToItsTraceId() {
        assertThat(Tracing.currentTraceparent()).isEmpty();
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                io.opentelemetry.api.trace.TraceFlags.getSampled(), io.opentelemetry.api.trace.TraceState.getDefault());
        try (var scope = Context.root().with(Span.wrap(span)).makeCurrent()) {
            assertThat(Tracing.currentTraceparent())
                    .hasValue("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            assertThat(Tracing.currentTraceparent().flatMap(Tracing::traceIdOf)).hasValue(span.getTraceId());
        }
    }
}
