package io.fastship.platform.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import io.fastship.schemas.TopicSettings;
import io.fastship.schemas.Topics;

/**
 * The settings every FastShip service has, parsed and validated once from the environment; each service's own
 * config record embeds this and adds only its own variables.
 *
 * @param advertisedHost how other instances reach this one over HTTP ({@code HTTP_ADVERTISED_URL}'s host)
 * @param advertisedPort the port they use, or 0 to follow {@link #httpPort()} (when no URL was given)
 * @param instanceId     {@code INSTANCE_ID}: stable across restarts (default: the host name), so a restarted
 *                       instance takes over its predecessor's client and transactional ids
 * @param stateRetention {@code STATE_RETENTION}: how long per-order state (views of final orders, payment
 *                       outcomes, reservations, dedupe memory) is kept after the order closed; default the order
 *                       topics' retention, never below {@link #LATE_EVENT_BOUND}
 */
public record ServiceSettings(KafkaConnection kafka, String httpHost, int httpPort, String advertisedHost,
                              int advertisedPort, String topicNamespace, int topicPartitions, String instanceId,
                              Duration shutdownTimeout, Duration stateRetention) {

    public static final String HTTP_HOST = "HTTP_HOST";
    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String ADVERTISED_URL = "HTTP_ADVERTISED_URL";
    public static final String NAMESPACE = "TOPIC_NAMESPACE";
    public static final String PARTITIONS = "TOPIC_PARTITIONS";
    public static final String INSTANCE_ID = "INSTANCE_ID";
    public static final String SHUTDOWN_TIMEOUT = "SHUTDOWN_TIMEOUT";
    public static final String STATE_RETENTION = "STATE_RETENTION";
    /**
     * The longest time after an order closed that a duplicate or late event of it can still arrive: a producer
     * retries a record for at most its {@code delivery.timeout.ms} (Kafka's default, 2 min, which neither Streams
     * nor our producers raise), and a record of an aborted transaction is redelivered once the transaction timeout
     * (Streams 10 s, payment 60 s by default) has passed, both well inside it. State kept shorter than this could
     * forget an order while its duplicates are still on the way, and a duplicate of a forgotten order is handled
     * as a new one.
     */
    public static final Duration LATE_EVENT_BOUND = Duration.ofMinutes(2);
    private static final String NAME_PATTERN = "[a-zA-Z0-9._-]{1,100}";

    public ServiceSettings {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(topicNamespace, "topicNamespace");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(stateRetention, "stateRetention");
    }

    /** Reads and validates the common variables; a {@link ConfigException} names the first bad one. */
    public static ServiceSettings fromEnv(Env env, int defaultHttpPort) {
        KafkaConnection kafka = KafkaConnection.fromEnv(env);
        String host = env.string(HTTP_HOST, "127.0.0.1");
        int port = env.integer(HTTP_PORT, defaultHttpPort, 0, 65_535);
        URI advertised = env.optional(ADVERTISED_URL).map(ServiceSettings::parseAdvertisedUrl).orElse(null);
        String namespace = env.string(NAMESPACE, "");
        if (!namespace.isEmpty() && !namespace.matches(NAME_PATTERN)) {
            throw new ConfigException(NAMESPACE, "may hold only letters, digits, '.', '_' and '-', was '"
                    + namespace + "'");
        }
        int partitions = env.integer(PARTITIONS, TopicSettings.DEFAULT_PARTITIONS, 1, 10_000);
        String instanceId = env.optional(INSTANCE_ID).orElseGet(ServiceSettings::defaultInstanceId);
        if (!instanceId.matches(NAME_PATTERN)) {
            throw new ConfigException(INSTANCE_ID, "may hold only letters, digits, '.', '_' and '-' (1..100), was '"
                    + instanceId + "'");
        }
        Duration shutdown = env.positiveDuration(SHUTDOWN_TIMEOUT, Duration.ofSeconds(20));
        Duration retention = env.positiveDuration(STATE_RETENTION, TopicSettings.events().retention());
        if (retention.compareTo(LATE_EVENT_BOUND) < 0) {
            throw new ConfigException(STATE_RETENTION, "must be at least " + LATE_EVENT_BOUND.toSeconds()
                    + "s, the longest a duplicate or late event of a closed order can still arrive, was " + retention);
        }
        return new ServiceSettings(kafka, host, port,
                advertised != null ? advertised.getHost() : defaultAdvertisedHost(host),
                advertised != null ? advertised.getPort() : 0, namespace, partitions, instanceId, shutdown, retention);
    }

    /** A name in this deployment's namespace: the application id or consumer group of {@code serviceId}. */
    public String applicationId(String serviceId) {
        return Topics.inNamespace(topicNamespace, serviceId);
    }

    /** Base URL other instances use to reach this one. */
    public URI advertisedUrl() {
        return URI.create("http://" + applicationServer());
    }

    /** {@code host:port} for Streams' {@code application.server}: where other instances forward queries. */
    public String applicationServer() {
        return advertisedHost + ":" + (advertisedPort != 0 ? advertisedPort : httpPort);
    }

    /** The same settings listening on another port (a free one chosen at start when 0 was asked for). */
    public ServiceSettings withHttpPort(int port) {
        return new ServiceSettings(kafka, httpHost, port, advertisedHost, advertisedPort, topicNamespace,
                topicPartitions, instanceId, shutdownTimeout, stateRetention);
    }

    static URI parseAdvertisedUrl(String text) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            url = null;
        }
        boolean noPath = url != null && (url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/"));
        if (url == null || !"http".equals(url.getScheme()) || url.getHost() == null || url.getPort() < 1 || !noPath
                || url.getQuery() != null) {
            throw new ConfigException(ADVERTISED_URL, "must be http://host:port with an explicit port and no path, "
                    + "was '" + text + "'");
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
                    + " and the host name cannot be resolved: " + e.getMessage());
        }
    }

    /** The host name: the same after a restart (unlike the pid), and unique per container or machine. */
    static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String id = host.replaceAll("[^a-zA-Z0-9._-]", "-");
        return id.length() > 100 ? id.substring(0, 100) : id;
    }
}
