package io.fastship.gateway;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the gateway was asked and what it injected, for a fault run's report ({@code GET /stats}) and
 * {@code /metrics} ({@code fastship_gateway_calls_total{call,result}}).
 */
final class GatewayStats {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    GatewayStats(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String call, String result) {
        counts.computeIfAbsent(call + "." + result, key -> new AtomicLong()).incrementAndGet();
        registry.counter("fastship_gateway_calls_total", "call", call, "result", result).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }
}
