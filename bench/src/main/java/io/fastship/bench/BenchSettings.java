package io.fastship.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.bench.phase.LoadSettings;
import io.fastship.bench.phase.SoakSettings;

/**
 * One benchmark run, resolved and validated: sizes, the stack to use, where to write the report.
 *
 * @param existing        addresses of a running stack; empty to start one
 * @param scalingSteps    payment instance counts, in order, e.g. 1, 2, 4
 * @param serviceEnv      extra environment for every service of a stack the bench starts (tuning experiments)
 * @param secure          a stack the bench starts runs Kafka on SASL_SSL with ACLs and the registry behind basic auth
 */
public record BenchSettings(long orders, int concurrency, long warmupOrders, long baselineRecords,
                            int gatewayLatencyMs, long scalingOrders, List<Integer> scalingSteps, int partitions,
                            Duration finalTimeout, Optional<Existing> existing, Path dataDir, Path repositoryRoot,
                            Map<String, String> serviceEnv, Optional<String> apiKey, boolean seedStock,
                            Optional<Path> jsonFile, boolean skipBaseline, boolean skipScaling, LoadSettings load,
                            SoakSettings soak, Optional<Path> htmlFile, boolean secure) {

    /**
     * A stack the bench does not own; {@code pids} names processes to measure ({@code --pid name=PID});
     * {@code commandConfig} holds a secure stack's client settings when {@code stackDir} does not say them.
     */
    public record Existing(String bootstrapServers, String schemaRegistryUrl, String orderServiceUrl,
                           String topicNamespace, Optional<Path> stackDir, Optional<Long> brokerPid,
                           Map<String, Long> pids, Optional<Path> commandConfig) {

        public Existing {
            pids = Map.copyOf(pids);
        }
    }

    public BenchSettings {
        scalingSteps = List.copyOf(scalingSteps);
        serviceEnv = Map.copyOf(serviceEnv);
        positive("--orders", orders);
        positive("--concurrency", concurrency);
        positive("--baseline-records", baselineRecords);
        positive("--scaling-orders", scalingOrders);
        positive("--partitions", partitions);
        if (warmupOrders < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, was " + warmupOrders);
        }
        if (concurrency > 4096) {
            throw new IllegalArgumentException("--concurrency must be at most 4096, was " + concurrency);
        }
        if (gatewayLatencyMs < 0 || gatewayLatencyMs > 60_000) {
            throw new IllegalArgumentException("--gateway-latency-ms must be 0..60000, was " + gatewayLatencyMs);
        }
        if (scalingSteps.isEmpty() || scalingSteps.stream().anyMatch(n -> n < 1 || n > 32)) {
            throw new IllegalArgumentException("--scaling-instances must list counts of 1..32, was " + scalingSteps);
        }
        if (finalTimeout.isNegative() || finalTimeout.isZero()) {
            throw new IllegalArgumentException("--final-timeout must be positive, was " + finalTimeout);
        }
    }

    public boolean ownsStack() {
        return existing.isEmpty();
    }

    private static void positive(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, was " + value);
        }
    }
}
