package io.fastship.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracedProcessorTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT = "00-" + TRACE + "-b7ad6b7169203331-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        sdk.close();
    }

    /** Forwards the input with a new value (keeping its headers, as Streams processors do) and a fresh record. */
    static final class Splitter implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> processorContext) {
            context = processorContext;
        }

        @Override
        public void process(Record<String, String> record) {
            context.forward(record.withValue(record.value() + "-a"), "a-sink");
            context.forward(new Record<>(record.key(), record.value() + "-b", record.timestamp()), "b-sink");
        }
    }

    @Test
    void everyForwardedRecordCarriesAChildOfTheProcessingSpanAndTheOriginalHeadersStayUntouched() {
        try (TopologyTestDriver driver = driver()) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            org.apache.kafka.common.header.Headers headers = new RecordHeaders().add("traceparent", PARENT.getBytes(StandardCharsets.UTF_8))
                    .add("app", "kept".getBytes(StandardCharsets.UTF_8));
            in.pipeInput(new TestRecord<>("o-1", "x", headers));

            TestRecord<String, String> a = driver.createOutputTopic("out-a", new StringDeserializer(),
                    new StringDeserializer()).readRecord();
            TestRecord<String, String> b = driver.createOutputTopic("out-b", new StringDeserializer(),
                    new StringDeserializer()).readRecord();

            List<SpanData> finished = spans.getFinishedSpanItems();
            SpanData process = finished.stream().filter(s -> s.getKind() == SpanKind.CONSUMER).findFirst().orElseThrow();
            SpanData sendA = finished.stream().filter(s -> s.getName().equals("send out-a")).findFirst().orElseThrow();
            SpanData sendB = finished.stream().filter(s -> s.getName().equals("send out-b")).findFirst().orElseThrow();
            assertThat(process.getName()).isEqualTo("process in");
            assertThat(process.getParentSpanId()).isEqualTo("b7ad6b7169203331");
            assertThat(process.getAttributes().get(MessagingAttributes.ORDER_ID)).isEqualTo("o-1");
            assertThat(process.getAttributes().get(MessagingAttributes.CONSUMER_GROUP)).isEqualTo("traced-app");
            assertThat(sendA.getParentSpanId()).isEqualTo(process.getSpanId());
            assertThat(sendB.getParentSpanId()).isEqualTo(process.getSpanId());
            assertThat(traceparent(a)).isEqualTo("00-" + TRACE + "-" + sendA.getSpanId() + "-01");
            assertThat(traceparent(b)).isEqualTo("00-" + TRACE + "-" + sendB.getSpanId() + "-01");
            assertThat(a.headers().lastHeader("app")).isNotNull();
            assertThat(a.headers().headers("traceparent")).hasSize(1);
            assertThat(registry.get("fastship.event.latency").tags("topic", "out-a").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void aRecordWithoutTraceHeadersIsProcessedAsANewTrace() {
        try (TopologyTestDriver driver = driver()) {
            driver.createInputTopic("in", new StringSerializer(), new StringSerializer()).pipeInput("o-2", "y");

            TestRecord<String, String> a = driver.createOutputTopic("out-a", new StringDeserializer(),
                    new StringDeserializer()).readRecord();

            assertThat(a.value()).isEqualTo("y-a");
            SpanData process = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CONSUMER)
                    .findFirst().orElseThrow();
            assertThat(process.getParentSpanContext().isValid()).isFalse();
            assertThat(traceparent(a)).contains(process.getTraceId());
        }
    }

    private TopologyTestDriver driver() {
        RecordObserver observer = new RecordObserver(Tracing.of(sdk), registry, "splitter", "traced-app",
                Clock.systemUTC());
        Topology topology = new Topology();
        topology.addSource("source", new StringDeserializer(), new StringDeserializer(), "in");
        topology.addProcessor("splitter", TracedProcessor.wrap(Splitter::new, observer, Record::key,
                Map.of("a-sink", "out-a", "b-sink", "out-b")), "source");
        topology.addSink("a-sink", "out-a", new StringSerializer(), new StringSerializer(), "splitter");
        topology.addSink("b-sink", "out-b", new StringSerializer(), new StringSerializer(), "splitter");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "traced-app");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(topology, props);
    }

    private static String traceparent(TestRecord<String, String> record) {
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }
}
