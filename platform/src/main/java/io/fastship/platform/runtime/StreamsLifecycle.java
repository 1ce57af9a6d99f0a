package io.fastship.platform.runtime;

import java.util.Map;
import java.util.Optional;

import io.fastship.platform.streams.DeadLetterHandlers;
import io.fastship.platform.streams.TransientFailures;
import io.fastship.platform.streams.StreamsHealth;
import io.fastship.platform.streams.StreamsOptions;
import io.fastship.platform.streams.StreamsSettings;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology for a {@link ServiceRuntime}: exactly-once settings, metrics, health, and the one failure
 * policy (a thread that dies shuts the client down, and ERROR is fatal for the process).
 */
final class StreamsLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsLifecycle.class);

    private StreamsLifecycle() {
    }

    static KafkaStreams start(ServiceRuntime runtime, Topology topology, StreamsOptions options) {
        String applicationId = runtime.applicationId();
        Map<String, Object> config = StreamsSettings.exactlyOnce(applicationId, runtime.settings().kafka(),
                options.stateDir(), Optional.of(runtime.settings().applicationServer()), options.standbyReplicas(),
                options.commitInterval());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.streamThreads());
        config.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId + "-" + runtime.settings().instanceId());
        // 0: a task processes what is buffered instead of waiting for an empty input. The order saga's deadlines do not
        // depend on the choice: they follow how far each outcome input was read (its InputWatermarks), not stream time.
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
        DeadLetterHandlers.countInto(config, runtime.metrics());
        KafkaStreams streams = new KafkaStreams(topology, new StreamsConfig(config));
        streams.setStateListener((now, before) -> {
            log.info("{} streams {} -> {}", runtime.serviceId(), before, now);
            if (now == KafkaStreams.State.ERROR) {
                runtime.failed("streams", "Kafka Streams reached ERROR");
            }
        });
        // A transient failure (registry away, a timeout) replaces the thread, so the task retries from its last commit;
        // anything else would fail on the same record again, so the client shuts down and the process restarts.
        streams.setUncaughtExceptionHandler(
                TransientFailures.uncaughtHandler(StreamThreadExceptionResponse.SHUTDOWN_CLIENT));
        // Every internal client's metrics, among them records-lag per partition and the task-level ones.
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(runtime.metrics());
        runtime.own("streams", () -> {
            streamsMetrics.close();
            // Leave the group at once, so the partitions move to the other instances without waiting for a timeout.
            if (!streams.close(CloseOptions.timeout(runtime.settings().shutdownTimeout())
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
                log.warn("Streams did not close within {}", runtime.settings().shutdownTimeout());
            }
        });
        runtime.health("streams", new StreamsHealth(streams));
        streams.start();
        return streams;
    }
}
