package io.fastship.order.http;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;

/** Turns a refused order into its problem response and counts it by reason ({@code fastship.orders.rejected}). */
final class Rejections {

    private final MeterRegistry metrics;

    Rejections(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    ProblemException reject(String reason, Problem problem) {
        return reject(reason, problem, Map.of());
    }

    ProblemException reject(String reason, Problem problem, Map<String, String> headers) {
        metrics.counter("fastship.orders.rejected", "reason", reason).increment();
        return new ProblemException(problem, headers);
    }
}
