package io.fastship.inventory;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.KafkaConnection;

/**
 * The inventory service's configuration, read once from the environment and validated.
 *
 * @param advertisedHost host other instances use to reach this one's HTTP port ({@code application.server})
 * @param advertisedPort port other instances use, or 0 for the HTTP port itself ({@code HTTP_ADVERTISED_URL})
 */
public record InventoryConfig(KafkaConnection kafka, String httpHost, int httpPort, String advertisedHost,
                              int advertisedPort,
                              String topicNamespace, int topicPartitions, String instanceId, Path stateDir,
                              int standbyReplicas, int streamThreads, Duration commitInterval) {

    public static final int DEFAULT_HTTP_PORT = 8083;
    private static final String ADVERTISED_URL = "HTTP_ADVERTISED_URL";
    private static final String NAMESPACE_PATTERN = "[a-zA-Z0-9._-]*";
    private static final String INSTANCE_PATTERN = "[a-zA-Z0-9._-]+";

    public InventoryConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(topicNamespace, "topicNamespace");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
    }

    public static InventoryConfig fromEnv(Env env) {
        KafkaConnection kafka = KafkaConnection.fromEnv(env);
        String httpHost = env.string("HTTP_HOST", "127.0.0.1");
        int httpPort = env.integer("HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535);
        URI advertised = env.optional(ADVERTISED_URL).map(InventoryConfig::parseAdvertisedUrl).orElse(null);
        String advertisedHost = advertised != null ? advertised.getHost() : defaultAdvertisedHost(httpHost);
        int advertisedPort = advertised != null ? advertised.getPort() : 0;
        String namespace = env.string("TOPIC_NAMESPACE", "");
        if (!namespace.matches(NAMESPACE_PATTERN)) {
            throw new ConfigException("TOPIC_NAMESPACE", "may hold only letters, digits, '.', '_' and '-', was '"
                    + namespace + "'");
        }
        int partitions = env.integer("TOPIC_PARTITIONS", 6, 1, 10_000);
        String instanceId = env.string("INSTANCE_ID", defaultInstanceId());
        if (!instanceId.matches(INSTANCE_PATTERN)) {
            throw new ConfigException("INSTANCE_ID", "may hold only letters, digits, '.', '_' and '-', was '"
                    + instanceId + "'");
        }
        Path stateDir = env.optional("STATE_DIR").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "fastship-inventory-" + instanceId));
        int standby = env.integer("INVENTORY_STANDBY_REPLICAS", 1, 0, 10);
        int threads = env.integer("INVENTORY_STREAM_THREADS", 1, 1, 64);
        Duration commitInterval = env.duration("INVENTORY_COMMIT_INTERVAL", Duration.ofMillis(100));
        if (commitInterval.isZero()) {
            throw new ConfigException("INVENTORY_COMMIT_INTERVAL", "must be positive");
        }
        return new InventoryConfig(kafka, httpHost, httpPort, advertisedHost, advertisedPort, namespace, partitions, instanceId,
                stateDir, standby, threads, commitInterval);
    }

    /** The same configuration with another HTTP port (a free one chosen at start when 0 was asked for). */
    public InventoryConfig withHttpPort(int port) {
        return new InventoryConfig(kafka, httpHost, port, advertisedHost, advertisedPort, topicNamespace, topicPartitions, instanceId,
                stateDir, standbyReplicas, streamThreads, commitInterval);
    }

    /** {@code host:port} for Streams' {@code application.server}: where other instances forward queries. */
    public String applicationServer() {
        return advertisedHost + ":" + (advertisedPort != 0 ? advertisedPort : httpPort);
    }

    public InventoryTopics topics() {
        return InventoryTopics.in(topicNamespace);
    }

    static URI parseAdvertisedUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            url = null;
        }
        boolean noPath = url != null && (url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"));
        if (url == null || !"http".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 1 || !noPath
                || url.getQuery() != null) {
            throw new ConfigException(ADVERTISED_URL, "must be http://host:port (explicit port, no path), was '"
                    + text + "'");
        }
        return url;
    }

    private static String defaultAdvertisedHost(String httpHost) {
        if (!httpHost.equals("0.0.0.0") && !httpHost.equals("::")) {
            return httpHost;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new ConfigException(ADVERTISED_URL, "is required when HTTP_HOST is " + httpHost
                    + " and the host name cannot be resolved");
        }
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return (host + "-" + ProcessHandle.current().pid()).replaceAll("[^a-zA-Z0-9._-]", "-");
    }
}
