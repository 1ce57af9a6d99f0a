package io.fastship.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.fastship.platform.deadletter.DeadLetterHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {

    @Test
    void aRecordThatFailsProcessingGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> {
                    if (value.equals("poison")) {
                        throw new IllegalArgumentException("cannot digest " + value);
                    }
                    return value.toUpperCase();
                })
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-service");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Map<String, Object> handlers = new java.util.HashMap<>();
        DeadLetterHandlers.install(handlers);
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        DeadLetterHandlers.countInto(handlers, registry);
        props.putAll(handlers);

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            var in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
            var out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
            var dlq = driver.createOutputTopic("test-service.dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());

            in.pipeInput("k1", "poison");
            in.pipeInput("k2", "fine");

            assertThat(out.readValuesToList()).isEqualTo(List.of("FINE"));
            var letters = dlq.readRecordsToList();
            assertThat(letters).hasSize(1);
            var letter = letters.get(0);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(header(letter.headers(), DeadLetterHeaders.ERROR_STAGE)).isEqualTo("processing");
            assertThat(header(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("in");
            assertThat(header(letter.headers(), DeadLetterHeaders.ERROR_MESSAGE)).contains("cannot digest poison");
            assertThat(header(letter.headers(), DeadLetterHeaders.SERVICE)).isEqualTo("test-service");
            assertThat(registry.counter("fastship_dead_letters_total", "stage", "processing").count()).isEqualTo(1.0);
        }
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
    }
}
