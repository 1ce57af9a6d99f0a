package io.fastship.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.fastship.localstack.process.ServiceKind;

/**
 * How to run the whole system locally: where the code and data are, which ports the first instances take,
 * how many instances of each service, and settings handed to every service through its environment.
 *
 * @param fixedPorts first instances on the documented ports (9092, 8081, 8080, 8082, 8083, gateway 8084); else all free ports
 * @param brokers Kafka broker processes: 1, or 3 for a replicated cluster (RF 3, min ISR 2)
 * @param secure Kafka on SASL_SSL with SCRAM and ACLs, one principal per service, the registry behind basic auth
 */
public record LocalStackOptions(Path repositoryRoot, Path dataDir, boolean fixedPorts, int partitions,
                                Map<ServiceKind, Integer> instances, Map<String, String> serviceEnv,
                                Optional<PrintStream> console, int seedSkus, long seedUnits, int brokers,
                                boolean secure) {

    public static final int KAFKA_PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;
    public static final int REGISTRY_PORT = 8081;

    public LocalStackOptions {
        instances = new EnumMap<>(instances);
        for (ServiceKind kind : ServiceKind.values()) {
            int count = instances.getOrDefault(kind, 1);
            if (count < 0 || count > 32) {
                throw new IllegalArgumentException("instances of " + kind.shortName() + " must be 0..32, was " + count);
            }
            instances.put(kind, count);
        }
        instances = Map.copyOf(instances);
        serviceEnv = Map.copyOf(serviceEnv);
        if (partitions < 1 || partitions > 1000) {
            throw new IllegalArgumentException("partitions must be 1..1000, was " + partitions);
        }
        if (brokers < 1 || brokers > 5) {
            throw new IllegalArgumentException("brokers must be 1..5, was " + brokers);
        }
    }

    /** Open (no TLS, SASL or ACLs). */
    public LocalStackOptions(Path repositoryRoot, Path dataDir, boolean fixedPorts, int partitions,
                             Map<ServiceKind, Integer> instances, Map<String, String> serviceEnv,
                             Optional<PrintStream> console, int seedSkus, long seedUnits, int brokers) {
        this(repositoryRoot, dataDir, fixedPorts, partitions, instances, serviceEnv, console, seedSkus, seedUnits,
                brokers, false);
    }

    /** One broker. */
    public LocalStackOptions(Path repositoryRoot, Path dataDir, boolean fixedPorts, int partitions,
                             Map<ServiceKind, Integer> instances, Map<String, String> serviceEnv,
                             Optional<PrintStream> console, int seedSkus, long seedUnits) {
        this(repositoryRoot, dataDir, fixedPorts, partitions, instances, serviceEnv, console, seedSkus, seedUnits, 1);
    }

    /** The same options with {@code count} brokers. */
    public LocalStackOptions withBrokers(int count) {
        return new LocalStackOptions(repositoryRoot, dataDir, fixedPorts, partitions, instances, serviceEnv, console,
                seedSkus, seedUnits, count, secure);
    }

    /** The same options, secured or open. */
    public LocalStackOptions withSecure(boolean enabled) {
        return new LocalStackOptions(repositoryRoot, dataDir, fixedPorts, partitions, instances, serviceEnv, console,
                seedSkus, seedUnits, brokers, enabled);
    }

    public int instancesOf(ServiceKind kind) {
        return instances.get(kind);
    }
}
