package io.fastship.localstack.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.fastship.localstack.process.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * One or more KRaft broker processes from the Maven Central jars. With three or more nodes every node is
 * also a voter of the controller quorum (combined mode) and internal topics get 3 replicas, 2 in sync.
 */
public final class KafkaCluster implements AutoCloseable {

    /** Where the first node listens with fixed ports; node {@code i} takes {@code FIRST_PORT + 2(i-1)} and the next. */
    public static final int FIRST_PORT = 9092;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final List<BrokerNode> nodes;
    private final BrokerSecurity security;

    private KafkaCluster(List<BrokerNode> nodes, BrokerSecurity security) {
        this.nodes = List.copyOf(nodes);
        this.security = security;
    }

    /**
     * Starts {@code size} nodes. One node keeps its data in {@code dataDir} itself (as before clusters existed);
     * a cluster in {@code dataDir-N/broker-i}, so the two never mix.
     */
    public static KafkaCluster start(Path dataDir, int size, boolean fixedPorts) {
        return start(dataDir, size, fixedPorts, BrokerSecurity.NONE);
    }

    /** Starts {@code size} nodes secured by {@code security} (or open with {@link BrokerSecurity#NONE}). */
    public static KafkaCluster start(Path dataDir, int size, boolean fixedPorts, BrokerSecurity security) {
        if (size < 1 || size > 5) {
            throw new IllegalArgumentException("brokers must be 1..5, was " + size);
        }
        List<BrokerConfig> configs = (size == 1 ? List.of(single(dataDir, fixedPorts)) : members(dataDir, size, fixedPorts))
                .stream().map(config -> config.withSecurity(security)).toList();
        List<BrokerNode> nodes = KafkaBroker.startAll(configs, READY_TIMEOUT).stream().map(BrokerNode::new).toList();
        return new KafkaCluster(nodes, security);
    }

    private static BrokerConfig single(Path dataDir, boolean fixedPorts) {
        BrokerConfig config = BrokerConfig.onFreePorts(dataDir);
        return fixedPorts ? config.withPorts(FIRST_PORT, FIRST_PORT + 1) : config;
    }

    private static List<BrokerConfig> members(Path dataDir, int size, boolean fixedPorts) {
        int[] drawn = fixedPorts ? null : FreePorts.distinct(2 * size);
        int[][] ports = new int[size][];
        for (int i = 0; i < size; i++) {
            ports[i] = fixedPorts ? new int[] {FIRST_PORT + 2 * i, FIRST_PORT + 2 * i + 1}
                    : new int[] {drawn[2 * i], drawn[2 * i + 1]};
        }
        String voters = java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + ports[i][1]).collect(Collectors.joining(","));
        // Used only by nodes formatted now; formatted nodes keep the id their storage already has.
        String clusterId = Uuid.randomUuid().toString();
        Path clusterDir = dataDir.resolveSibling(dataDir.getFileName() + "-" + size);
        List<BrokerConfig> configs = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            configs.add(new BrokerConfig(clusterDir.resolve("broker-" + (i + 1)), "127.0.0.1", ports[i][0], ports[i][1],
                    "384m", Map.of(), new BrokerConfig.Membership(i + 1, size, voters, clusterId)));
        }
        return configs;
    }

    /** How the brokers are secured; {@link BrokerSecurity#NONE} when open. */
    public BrokerSecurity security() {
        return security;
    }

    public int size() {
        return nodes.size();
    }

    public List<BrokerNode> brokers() {
        return nodes;
    }

    /** The node with {@code nodeId} (1-based, as in {@code broker-1}). */
    public BrokerNode broker(int nodeId) {
        return nodes.stream().filter(node -> node.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no broker-" + nodeId + " in a cluster of " + size()));
    }

    /** Every node's address, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(BrokerNode::address).collect(Collectors.joining(","));
    }

    /** The node that currently leads {@code topic}'s {@code partition}, as the cluster's metadata says. */
    public BrokerNode leaderOf(String topic, int partition) {
        Map<String, Object> config = new java.util.HashMap<>(security.adminClientConfig());
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, liveBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        try (Admin admin = Admin.create(config)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(15, TimeUnit.SECONDS).get(topic);
            TopicPartitionInfo info = description.partitions().get(partition);
            Node leader = info.leader();
            if (leader == null || leader.isEmpty()) {
                throw new IllegalStateException(topic + "-" + partition + " has no leader now");
            }
            return broker(leader.id());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }

    private String liveBootstrapServers() {
        String live = nodes.stream().filter(BrokerNode::isAlive).map(BrokerNode::address).collect(Collectors.joining(","));
        return live.isEmpty() ? bootstrapServers() : live;
    }

    /**
     * Stops every node in parallel and bounds the wait: a node whose quorum is gone cannot finish a controlled
     * shutdown, so after 10 s it is killed.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (BrokerNode node : nodes) {
            if (node.isAlive()) {
                node.requestStop();
            }
        }
        for (BrokerNode node : nodes) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!node.broker().awaitExit(left)) {
                node.broker().kill();
            }
        }
    }
}
