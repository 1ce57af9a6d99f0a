package io.fastship.platform.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a service reaches Kafka and the schema registry, the same variables in local runs, compose and tests.
 *
 * <p>Any client setting can be passed through as {@code KAFKA_CLIENT_<NAME>}, with dots written as
 * underscores: {@code KAFKA_CLIENT_SECURITY_PROTOCOL=SASL_SSL} becomes {@code security.protocol}.
 * Registry credentials go in {@code SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO=user:password}.
 */
public record KafkaConnection(String bootstrapServers, String schemaRegistryUrl, Map<String, String> clientOverrides,
                              Map<String, String> registryOverrides) {

    public static final String BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String REGISTRY = "SCHEMA_REGISTRY_URL";
    public static final String CLIENT_PREFIX = "KAFKA_CLIENT_";
    public static final String REGISTRY_USER_INFO = "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO";

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
        clientOverrides = Map.copyOf(clientOverrides);
        registryOverrides = Map.copyOf(registryOverrides);
    }

    public static KafkaConnection of(String bootstrapServers, String schemaRegistryUrl) {
        return new KafkaConnection(bootstrapServers, schemaRegistryUrl, Map.of(), Map.of());
    }

    public static KafkaConnection fromEnv(Env env) {
        String bootstrap = env.required(BOOTSTRAP);
        for (String server : bootstrap.split(",")) {
            if (!server.strip().matches("[^:/\\s]+:\\d{1,5}")) {
                throw new ConfigException(BOOTSTRAP, "must be a comma-separated list of host:port, was '" + bootstrap + "'");
            }
        }
        String registry = env.required(REGISTRY);
        for (String url : registry.split(",")) {
            if (!url.strip().matches("https?://\\S+")) {
                throw new ConfigException(REGISTRY, "must be a comma-separated list of http(s) URLs, was '" + registry + "'");
            }
        }
        Map<String, String> client = new HashMap<>();
        env.withPrefix(CLIENT_PREFIX).forEach((key, value) ->
                client.put(key.toLowerCase(Locale.ROOT).replace('_', '.'), value));
        Map<String, String> registryConfig = new HashMap<>();
        env.optional(REGISTRY_USER_INFO).ifPresent(userInfo -> {
            if (!userInfo.contains(":")) {
                throw new ConfigException(REGISTRY_USER_INFO, "must be user:password");
            }
            registryConfig.put("basic.auth.credentials.source", "USER_INFO");
            registryConfig.put("basic.auth.user.info", userInfo);
        });
        return new KafkaConnection(bootstrap.strip(), registry.strip(), client, registryConfig);
    }

    /** The base of every client's config: bootstrap servers plus the pass-through settings. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(clientOverrides);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** Config for the Avro serde and registry client. */
    public Map<String, Object> registryConfig() {
        Map<String, Object> config = new HashMap<>(registryOverrides);
        config.put("schema.registry.url", schemaRegistryUrl);
        return config;
    }
}
