package io.fastship.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.ServiceSettings;
import io.fastship.platform.streams.StreamsOptions;
import io.fastship.platform.tracing.Tracing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafkaStack
class ServiceRuntimeIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldTurnReadinessAndLivenessDownAndExitNonZeroWhenStreamsDies(KafkaStack stack, @TempDir Path state)
            throws Exception {
        String namespace = stack.uniqueName("runtime");
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.bootstrapServers());
        env.put("SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
        env.put("TOPIC_NAMESPACE", namespace);
        env.put("TOPIC_PARTITIONS", "1");
        env.put("HTTP_PORT", "0");
        env.put("INSTANCE_ID", "runtime-1");
        env.put("SHUTDOWN_TIMEOUT", "5s");
        ServiceSettings settings = ServiceSettings.fromEnv(new Env(env), 0);
        CopyOnWriteArrayList<Integer> exits = new CopyOnWriteArrayList<>();

        try (ServiceRuntime runtime = ServiceRuntime.start("runtime-test", settings, Tracing.propagatingOnly(),
                exits::add, rt -> {
                    Topology topology = new Topology();
                    topology.addSource("in", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                            rt.topics().orders().name());
                    // An Error is no processing exception a dead-letter handler may swallow: the thread dies.
                    topology.addProcessor("dies", () -> new Processor<byte[], byte[], Void, Void>() {
                        @Override
                        public void process(Record<byte[], byte[]> record) {
                            throw new AssertionError("cannot go on");
                        }
                    }, "in");
                    rt.runStreams(topology, new StreamsOptions(state, 0, Duration.ofMillis(100), 1));
                    return rt;
                })) {
            await().atMost(Duration.ofSeconds(60)).until(() -> status(runtime, "/health") == 200);
            assertThat(status(runtime, "/health/live")).isEqualTo(200);

            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(stack.clientConfig(),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(runtime.topics().orders().name(), new byte[] {1})).get();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> !exits.isEmpty());
            assertThat(exits).containsExactly(1);
            assertThat(runtime.failure()).contains("streams");
            assertThat(status(runtime, "/health/live")).isEqualTo(503);
            assertThat(status(runtime, "/health")).isEqualTo(503);
        }
    }

    private static int status(ServiceRuntime runtime, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
