package io.fastship.order;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import io.fastship.order.security.OrderSecurity;
import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.schemas.TopicSettings;

/**
 * Everything the order service reads from its environment, parsed and validated once.
 *
 * @param advertisedUrl how the other instances reach this one over HTTP; its host:port is Streams'
 *                      {@code application.server}, so a GET on any instance can be forwarded to the order's owner
 * @param publishTimeout how long an order may wait for the broker's acknowledgement before the client gets 503
 * @param orderDeadline how long an order may stay PENDING before it is cancelled with reason {@code timeout}
 * @param deadlineScanInterval how often (wall-clock) the pending orders whose deadline passed are looked for
 * @param maxWait the longest {@code ?waitForFinal=} and Server-Sent-Events stream a client may ask for
 * @param maxWaiters how many requests may wait for a final status at once before new ones get 503
 * @param queryRetry how long a GET retries while a rebalance moves the order's state
 * @param security API keys bound to customers (or {@code ORDER_AUTH=none}), the metrics key and the id secret
 */
public record OrderServiceConfig(KafkaConnection kafka, String httpHost, int httpPort, URI advertisedUrl,
                                 String topicNamespace, int topicPartitions, String instanceId, Path stateDir,
                                 Duration publishTimeout, Duration orderDeadline, Duration deadlineScanInterval,
                                 Duration maxWait, int maxWaiters, Duration queryRetry, int standbyReplicas,
                                 Duration commitInterval, Duration shutdownTimeout, OrderSecurity security) {

    /** Application id of the Streams topology (and the name of the service), before the namespace. */
    public static final String SERVICE_ID = "order-service";
    static final int DEFAULT_PORT = 8080;

    public OrderServiceConfig {
        java.util.Objects.requireNonNull(security, "security");
    }

    /** Reads and validates the environment; a {@link ConfigException} names the first bad variable. */
    public static OrderServiceConfig fromEnv(Env env) {
        KafkaConnection kafka = KafkaConnection.fromEnv(env);
        String host = env.string("HTTP_HOST", "127.0.0.1");
        int port = env.integer("HTTP_PORT", DEFAULT_PORT, 0, 65_535);
        URI advertised = env.optional("HTTP_ADVERTISED_URL").map(OrderServiceConfig::parseAdvertised)
                .orElseGet(() -> derivedAdvertisedUrl(host, port));
        String namespace = env.string("TOPIC_NAMESPACE", "");
        if (!namespace.isEmpty() && !namespace.matches("[a-zA-Z0-9._-]{1,100}")) {
            throw new ConfigException("TOPIC_NAMESPACE", "may hold only letters, digits, '.', '_' and '-', was '"
                    + namespace + "'");
        }
        int partitions = env.integer("TOPIC_PARTITIONS", TopicSettings.DEFAULT_PARTITIONS, 1, 10_000);
        String instanceId = env.optional("INSTANCE_ID").orElseGet(OrderServiceConfig::defaultInstanceId);
        if (!instanceId.matches("[a-zA-Z0-9._-]{1,100}")) {
            throw new ConfigException("INSTANCE_ID", "may hold only letters, digits, '.', '_' and '-', was '"
                    + instanceId + "'");
        }
        Path stateDir = env.optional("STATE_DIR").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "fastship-order-service-" + instanceId));
        Duration publishTimeout = positive(env, "ORDER_PUBLISH_TIMEOUT", Duration.ofSeconds(5));
        if (publishTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException("ORDER_PUBLISH_TIMEOUT", "must be at least 1s (the producer's request timeout "
                    + "must fit inside it), was " + publishTimeout);
        }
        Duration deadline = positive(env, "ORDER_DEADLINE", Duration.ofSeconds(30));
        Duration scan = positive(env, "ORDER_DEADLINE_SCAN_INTERVAL", Duration.ofSeconds(1));
        Duration maxWait = positive(env, "ORDER_MAX_WAIT", Duration.ofSeconds(60));
        int maxWaiters = env.integer("ORDER_MAX_WAITERS", 10_000, 1, 1_000_000);
        Duration queryRetry = positive(env, "ORDER_QUERY_RETRY", Duration.ofSeconds(5));
        int standbys = env.integer("STREAMS_STANDBY_REPLICAS", 1, 0, 10);
        Duration commit = positive(env, "STREAMS_COMMIT_INTERVAL", Duration.ofMillis(100));
        Duration shutdown = positive(env, "SHUTDOWN_TIMEOUT", Duration.ofSeconds(20));
        OrderSecurity security = OrderSecurity.fromEnv(env);
        return new OrderServiceConfig(kafka, host, port, advertised, namespace, partitions, instanceId, stateDir,
                publishTimeout, deadline, scan, maxWait, maxWaiters, queryRetry, standbys, commit, shutdown,
                security);
    }

    /** The Streams application id and consumer group of this service: {@code <namespace>.order-service}. */
    public String applicationId() {
        return topicNamespace.isEmpty() ? SERVICE_ID : topicNamespace + "." + SERVICE_ID;
    }

    /** {@code host:port} for Streams' {@code application.server}. */
    public String applicationServer() {
        return advertisedUrl.getHost() + ":" + advertisedUrl.getPort();
    }

    /** The same config listening on another port, with the advertised URL following it (tests pick free ports). */
    public OrderServiceConfig withHttpPort(int port) {
        URI advertised = URI.create(advertisedUrl.getScheme() + "://" + advertisedUrl.getHost() + ":" + port);
        return new OrderServiceConfig(kafka, httpHost, port, advertised, topicNamespace, topicPartitions, instanceId,
                stateDir, publishTimeout, orderDeadline, deadlineScanInterval, maxWait, maxWaiters, queryRetry,
                standbyReplicas, commitInterval, shutdownTimeout, security);
    }


    private static Duration positive(Env env, String name, Duration fallback) {
        Duration value = env.duration(name, fallback);
        if (value.isZero()) {
            throw new ConfigException(name, "must be greater than zero");
        }
        return value;
    }

    static URI parseAdvertised(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("HTTP_ADVERTISED_URL", "must be a URL like http://order-1:8080, was '" + text + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                || (uri.getPath() != null && !uri.getPath().isEmpty() && !"/".equals(uri.getPath()))) {
            throw new ConfigException("HTTP_ADVERTISED_URL", "must be http://host:port with an explicit port and no path, was '"
                    + text + "'");
        }
        return URI.create("http://" + uri.getHost() + ":" + uri.getPort());
    }

    private static URI derivedAdvertisedUrl(String host, int port) {
        String advertisedHost = host;
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            try {
                advertisedHost = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                throw new ConfigException("HTTP_ADVERTISED_URL", "is not set and the host name cannot be resolved: "
                        + e.getMessage());
            }
        }
        return URI.create("http://" + advertisedHost + ":" + port);
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
