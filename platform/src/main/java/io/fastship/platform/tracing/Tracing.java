package io.fastship.platform.tracing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.IdGenerator;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's OpenTelemetry: spans exported over OTLP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, otherwise
 * nothing recorded or exported while the W3C trace context still flows through HTTP and Kafka headers.
 *
 * <p>When exporting is off the tracer is OpenTelemetry's no-op one: a span is the incoming context passed on unchanged
 * (sampled flag included, so a service that does export downstream still sees the caller's decision). A request or
 * record that arrives without a context gets a fresh unsampled one from {@link #parentFor}, so every log line of an
 * order still carries a {@code traceId} that the next services keep: one random id per new order is the whole cost.
 */
public final class Tracing implements AutoCloseable {

    public static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public static final String TRACES_ENDPOINT = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public static final String SERVICE_NAME = "OTEL_SERVICE_NAME";
    public static final String SDK_DISABLED = "OTEL_SDK_DISABLED";
    /** The W3C trace-context header. */
    public static final String TRACEPARENT = "traceparent";
    private static final String OTEL_PREFIX = "OTEL_";
    private static final String SCOPE = "io.fastship";
    private static final Logger log = LoggerFactory.getLogger(Tracing.class);

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;
    private final OpenTelemetrySdk owned;
    private final boolean exporting;

    private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk owned, boolean exporting) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer(SCOPE);
        this.owned = owned;
        this.exporting = exporting;
    }

    /** Exports and records nothing; propagates incoming contexts (see {@link #parentFor}). */
    public static Tracing propagatingOnly() {
        return new Tracing(OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())),
                null, false);
    }

    /** Uses an OpenTelemetry made elsewhere (tests with an in-memory exporter); closing leaves it open. */
    public static Tracing of(OpenTelemetry openTelemetry) {
        return new Tracing(openTelemetry, null, true);
    }

    /**
     * Reads the standard variables: exporting is on when {@code OTEL_EXPORTER_OTLP_ENDPOINT} (or the traces-only
     * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}) is an http(s) URL and {@code OTEL_SDK_DISABLED} is not true. Every
     * other {@code OTEL_*} variable (protocol, headers, sampler, resource attributes, batch sizes) is honoured by the
     * SDK's autoconfiguration. Defaults: service name {@code defaultServiceName}, protocol gRPC (port 4317), no
     * metric or log export (metrics are scraped from {@code /metrics}).
     */
    public static Tracing fromEnv(Env env, String defaultServiceName) {
        boolean disabled = env.bool(SDK_DISABLED, false);
        Optional<String> endpoint = endpoint(env, TRACES_ENDPOINT).or(() -> endpoint(env, ENDPOINT));
        if (disabled || endpoint.isEmpty()) {
            return propagatingOnly();
        }
        Map<String, String> defaults = Map.of(
                "otel.service.name", defaultServiceName,
                "otel.exporter.otlp.protocol", "grpc",
                "otel.traces.exporter", "otlp",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none");
        Map<String, String> fromEnv = properties(env);
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .addPropertiesCustomizer(config -> fromEnv)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        log.info("Tracing: exporting spans of {} to {}", fromEnv.getOrDefault("otel.service.name", defaultServiceName),
                endpoint.get());
        return new Tracing(sdk, sdk, true);
    }

    private static Optional<String> endpoint(Env env, String variable) {
        Optional<String> value = env.optional(variable);
        if (value.isPresent() && !value.get().matches("https?://\\S+")) {
            throw new ConfigException(variable, "must be an http(s) URL such as http://jaeger:4317, was '"
                    + value.get() + "'");
        }
        return value;
    }

    /** {@code OTEL_EXPORTER_OTLP_PROTOCOL} becomes {@code otel.exporter.otlp.protocol}, as the SDK spells it. */
    static Map<String, String> properties(Env env) {
        Map<String, String> properties = new HashMap<>();
        env.withPrefix(OTEL_PREFIX).forEach((name, value) -> properties.put(
                "otel." + name.toLowerCase(Locale.ROOT).replace('_', '.'), value.strip()));
        return properties;
    }

    public OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    public Tracer tracer() {
        return tracer;
    }

    /** True when spans leave the process. */
    public boolean exporting() {
        return exporting;
    }

    public TextMapPropagator propagator() {
        return openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * The parent for a new span: {@code extracted} when it holds a span context or when spans are recorded (the SDK
     * makes roots itself); otherwise a fresh unsampled context, so logs and downstream services share a trace id.
     */
    public Context parentFor(Context extracted) {
        if (exporting || Span.fromContext(extracted).getSpanContext().isValid()) {
            return extracted;
        }
        IdGenerator ids = IdGenerator.random();
        return extracted.with(Span.wrap(SpanContext.create(ids.generateTraceId(), ids.generateSpanId(),
                TraceFlags.getDefault(), TraceState.getDefault())));
    }

    /** The context a record's {@code traceparent}/{@code tracestate} headers carry, on top of {@code base}. */
    public Context extract(Context base, Headers headers) {
        return propagator().extract(base, headers, KafkaHeaderCarrier.INSTANCE);
    }

    /** Writes {@code context} into {@code headers}, replacing any trace headers copied from an input record. */
    public void inject(Context context, Headers headers) {
        propagator().inject(context, headers, KafkaHeaderCarrier.INSTANCE);
    }

    /** The trace id of a span, or empty when it has none (no context at all). */
    public static Optional<String> traceIdOf(Span span) {
        return span.getSpanContext().isValid() ? Optional.of(span.getSpanContext().getTraceId()) : Optional.empty();
    }

    /** The W3C {@code traceparent} of the current span, to remember a trace past the record that carried it. */
    public static Optional<String> currentTraceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map<String, String>::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** The trace id a W3C {@code traceparent} names, or empty when it is not a valid one. */
    public static Optional<String> traceIdOf(String traceparent) {
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(),
                Map.of(TRACEPARENT, traceparent), MapGetter.INSTANCE);
        return traceIdOf(Span.fromContext(extracted));
    }

    /** Reads trace headers from a plain map. */
    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }

    /** Flushes and stops the exporter (bounded), if this instance made it. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown().join(10, TimeUnit.SECONDS);
        }
    }
}
