package io.fastship.inspector;

import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.serde.AvroSerdes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The clients one inspector run uses, opened lazily with short timeouts, and the bounded way to wait on
 * an admin result. Closing closes what was opened.
 */
public final class Cluster implements AutoCloseable {

    private static final String CLIENT_ID = "fastship-inspector";

    private final String clientId;
    private final String bootstrapServers;
    private final String registryUrl;
    private final Map<String, String> extra;
    private final Duration timeout;
    private Admin admin;
    private SchemaRegistryClient registry;

    public Cluster(String bootstrapServers, String registryUrl, Map<String, String> extra, Duration timeout) {
        this(CLIENT_ID, bootstrapServers, registryUrl, extra, timeout);
    }

    /** @param clientId how the cluster's logs and quotas name this tool's clients */
    public Cluster(String clientId, String bootstrapServers, String registryUrl, Map<String, String> extra,
                   Duration timeout) {
        this.clientId = clientId;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.extra = Map.copyOf(extra);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = clientConfig();
            config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
            admin = Admin.create(config);
        }
        return admin;
    }

    public synchronized SchemaRegistryClient registry() {
        if (registry == null) {
            Map<String, Object> config = new HashMap<>(extra);
            config.put("schema.registry.url", registryUrl);
            config.putIfAbsent("http.connect.timeout.ms", Long.toString(timeout.toMillis()));
            config.putIfAbsent("http.read.timeout.ms", Long.toString(timeout.toMillis()));
            registry = AvroSerdes.client(config);
        }
        return registry;
    }

    /** A consumer with no group (it assigns partitions itself and commits nothing). */
    public KafkaConsumer<byte[], byte[]> consumer(IsolationLevel isolation) {
        Map<String, Object> config = clientConfig();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Waits at most the timeout for an admin result; a failure becomes a one-line {@link InspectorException}. */
    public <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InspectorException("interrupted while " + what);
        } catch (TimeoutException e) {
            throw notReachable(what);
        } catch (ExecutionException e) {
            throw Failures.describe(e.getCause(), what, this);
        }
    }

    InspectorException notReachable(String what) {
        return new InspectorException("cannot reach Kafka at " + bootstrapServers + " within "
                + Durations.format(timeout) + " (" + what + ")");
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return config;
    }

    @Override
    public synchronized void close() {
        // Nothing is pending once a command has its answers, so there is nothing to wait for.
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
        if (registry != null) {
            registry.close();
        }
    }
}
