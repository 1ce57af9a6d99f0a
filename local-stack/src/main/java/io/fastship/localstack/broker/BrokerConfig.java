package io.fastship.localstack.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How one single-node KRaft broker process is laid out: where its data lives, which ports it takes and
 * how much heap it gets.
 *
 * <p>Port 0 means "pick a free one at start"; {@link KafkaBroker#config()} reports the ports actually
 * used, so a restart on the same data directory can reuse them.
 */
public record BrokerConfig(Path dataDir, String host, int port, int controllerPort, String maxHeap,
                           Map<String, String> overrides) {

    public BrokerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(maxHeap, "maxHeap");
        overrides = Map.copyOf(overrides);
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both were " + port);
        }
    }

    /** A broker on 127.0.0.1 with free ports, 512 MiB heap and its data in {@code dataDir}. */
    public static BrokerConfig onFreePorts(Path dataDir) {
        return new BrokerConfig(dataDir, "127.0.0.1", 0, 0, "512m", Map.of());
    }

    public BrokerConfig withPorts(int newPort, int newControllerPort) {
        return new BrokerConfig(dataDir, host, newPort, newControllerPort, maxHeap, overrides);
    }

    /** The same config with one broker setting added or replaced. */
    public BrokerConfig withOverride(String key, String value) {
        var merged = new java.util.HashMap<>(overrides);
        merged.put(key, value);
        return new BrokerConfig(dataDir, host, port, controllerPort, maxHeap, merged);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    private static void checkPort(String name, int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(name + " must be 0..65535, was " + value);
        }
    }
}
