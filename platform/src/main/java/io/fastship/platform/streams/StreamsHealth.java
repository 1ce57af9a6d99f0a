package io.fastship.platform.streams;

import io.fastship.platform.http.Health;
import io.fastship.platform.http.HealthIndicator;
import org.apache.kafka.streams.KafkaStreams;

/** Ready when the Streams instance is RUNNING (a rebalance in progress counts as not ready). */
public final class StreamsHealth implements HealthIndicator {

    private final KafkaStreams streams;

    public StreamsHealth(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health check() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING ? Health.up(state.name()) : Health.down(state.name());
    }
}
