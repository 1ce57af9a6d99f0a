package io.fastship.localstack.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How one KRaft broker process (broker and controller in one) is laid out: where its data lives, which ports
 * it takes, how much heap it gets, and which cluster it belongs to.
 *
 * <p>Port 0 means "pick a free one at start"; {@link KafkaBroker#config()} reports the ports actually
 * used, so a restart on the same data directory can reuse them.
 *
 * @param membership its node id and the controller quorum it votes in; {@link Membership#SINGLE} for one node
 * @param security TLS, SASL and ACLs; {@link BrokerSecurity#NONE} for an open PLAINTEXT broker
 */
public record BrokerConfig(Path dataDir, String host, int port, int controllerPort, String maxHeap,
                           Map<String, String> overrides, Membership membership, BrokerSecurity security) {

    /**
     * A node's place in its cluster.
     *
     * @param voters {@code id@host:port,...} of the controller quorum; empty for a single node (itself)
     * @param clusterId the id all nodes are formatted with; empty: a random one (single node only)
     */
    public record Membership(int nodeId, int clusterSize, String voters, String clusterId) {

        public static final Membership SINGLE = new Membership(1, 1, "", "");

        public Membership {
            Objects.requireNonNull(voters, "voters");
            Objects.requireNonNull(clusterId, "clusterId");
            if (nodeId < 1 || clusterSize < 1) {
                throw new IllegalArgumentException("nodeId and clusterSize must be >= 1");
            }
        }
    }

    public BrokerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(maxHeap, "maxHeap");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(security, "security");
        overrides = Map.copyOf(overrides);
        checkPort("port", port);
        checkPort("controllerPort", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controllerPort must differ, both were " + port);
        }
    }

    /** An open broker. */
    public BrokerConfig(Path dataDir, String host, int port, int controllerPort, String maxHeap,
                        Map<String, String> overrides, Membership membership) {
        this(dataDir, host, port, controllerPort, maxHeap, overrides, membership, BrokerSecurity.NONE);
    }

    /** A single-node broker. */
    public BrokerConfig(Path dataDir, String host, int port, int controllerPort, String maxHeap,
                        Map<String, String> overrides) {
        this(dataDir, host, port, controllerPort, maxHeap, overrides, Membership.SINGLE);
    }

    /** A broker on 127.0.0.1 with free ports, 512 MiB heap and its data in {@code dataDir}. */
    public static BrokerConfig onFreePorts(Path dataDir) {
        return new BrokerConfig(dataDir, "127.0.0.1", 0, 0, "512m", Map.of());
    }

    public BrokerConfig withPorts(int newPort, int newControllerPort) {
        return new BrokerConfig(dataDir, host, newPort, newControllerPort, maxHeap, overrides, membership, security);
    }

    public BrokerConfig withMembership(Membership newMembership) {
        return new BrokerConfig(dataDir, host, port, controllerPort, maxHeap, overrides, newMembership, security);
    }

    public BrokerConfig withMaxHeap(String newMaxHeap) {
        return new BrokerConfig(dataDir, host, port, controllerPort, newMaxHeap, overrides, membership, security);
    }

    /** The same config with one broker setting added or replaced. */
    public BrokerConfig withOverride(String key, String value) {
        var merged = new java.util.HashMap<>(overrides);
        merged.put(key, value);
        return new BrokerConfig(dataDir, host, port, controllerPort, maxHeap, merged, membership, security);
    }

    public BrokerConfig withSecurity(BrokerSecurity newSecurity) {
        return new BrokerConfig(dataDir, host, port, controllerPort, maxHeap, overrides, membership, newSecurity);
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
