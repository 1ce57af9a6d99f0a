package io.fastship.platform.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What differs between the services' Streams applications; everything else is {@link StreamsSettings}.
 *
 * @param commitInterval under exactly-once the transaction length, so it bounds end-to-end latency
 */
public record StreamsOptions(Path stateDir, int standbyReplicas, Duration commitInterval, int streamThreads) {

    public StreamsOptions {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
        if (streamThreads < 1) {
            throw new IllegalArgumentException("streamThreads must be >= 1, was " + streamThreads);
        }
    }
}
