package io.fastship.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import io.fastship.schemas.registry.SchemaRegistryUnavailableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

/** A registry outage is not the record's fault: the task fails (and is retried), nothing is dead-lettered. */
class TransientFailuresTest {

    private static final String DLQ = "test-service.dlq";

    @Test
    void aRegistryOutageWhileProcessingFailsTheTaskInsteadOfDeadLetteringTheRecord() {
        AtomicBoolean registryDown = new AtomicBoolean(true);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (registryDown.get()) {
                        throw new SerializationException("cannot register the schema",
                                new SchemaRegistryUnavailableException("registry unreachable", null));
                    }
                    return value.toUpperCase();
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var dlq = driver.createOutputTopic(DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());

            assertThatThrownBy(() -> in.pipeInput("k1", "order"))
                    .hasRootCauseInstanceOf(SchemaRegistryUnavailableException.class);
            assertThat(dlq.readRecordsToList()).isEmpty();
        }
    }

    @Test
    void anUnreachableRegistryWhileDecodingFailsTheTaskInsteadOfDeadLetteringTheRecord() {
        Deserializer<String> needsRegistry = (topic, bytes) -> {
            throw new SerializationException("schema id 7 unknown",
                    new SchemaRegistryUnavailableException("connection refused", new java.net.ConnectException()));
        };
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.serdeFrom(new StringSerializer(), needsRegistry)))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var dlq = driver.createOutputTopic(DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());

            assertThatThrownBy(() -> in.pipeInput("k1", "order"))
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
            assertThat(dlq.readRecordsToList()).isEmpty();
        }
    }

    @Test
    void bytesThatCanNeverBeDecodedAreStillDeadLettered() {
        Deserializer<String> rejects = (topic, bytes) -> {
            throw new SerializationException("unknown magic byte");
        };
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.serdeFrom(new StringSerializer(), rejects)))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props())) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var dlq = driver.createOutputTopic(DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());

            in.pipeInput("k1", "garbage");

            assertThat(dlq.readRecordsToList()).hasSize(1);
        }
    }

    @Test
    void theUncaughtHandlerReplacesTheThreadOnlyForTransientFailures() {
        var handler = TransientFailures.uncaughtHandler(
                org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT);
        var transientError = new org.apache.kafka.streams.errors.StreamsException(
                new SerializationException("x", new SchemaRegistryUnavailableException("down", null)));
        assertThat(handler.handle(transientError)).isEqualTo(
                org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .REPLACE_THREAD);
        assertThat(handler.handle(new IllegalStateException("bug"))).isEqualTo(
                org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT);
    }

    private static Properties props() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-service");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Map<String, Object> handlers = new HashMap<>();
        DeadLetterHandlers.install(handlers);
        // No pause between retries in a unit test.
        handlers.put(DeadLetterHandlers.TRANSIENT_PAUSE_CONFIG, 0L);
        props.putAll(handlers);
        return props;
    }
}
