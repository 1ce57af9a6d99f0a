package io.fastship.bench.report;

import java.util.Map;

import io.fastship.bench.baseline.ProducerPerformanceResult;

/** Kafka's ProducerPerformance on the same broker, with records the size of a serialized OrderCreated. */
public record BaselinePhase(int recordSize, int partitions, Map<String, String> producerProps,
                            ProducerPerformanceResult result) {

    public BaselinePhase {
        producerProps = Map.copyOf(producerProps);
    }
}
