package io.fastship.order.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;

/**
 * The order service's security settings, parsed once from the environment.
 *
 * <p>Authentication is on unless {@code ORDER_AUTH=none} is set explicitly: a service started with neither keys
 * nor that setting refuses to start, so a forgotten variable never publishes an open API.
 *
 * @param apiKeys the customers' API keys; empty only with {@code authDisabled}
 * @param authDisabled {@code ORDER_AUTH=none}: every endpoint open (local runs and tests)
 * @param metricsKeyHash SHA-256 of {@code ORDER_METRICS_KEY}, if set; without it {@code /metrics} answers loopback only
 * @param idSecret {@code ORDER_ID_SECRET}: keys the order-id derivation and the instances' forwarding token
 * @param idSecretShared false when no secret was configured and one was drawn for this process only
 */
public record OrderSecurity(ApiKeys apiKeys, boolean authDisabled, Optional<byte[]> metricsKeyHash, byte[] idSecret,
                            boolean idSecretShared) {

    public static final String AUTH = "ORDER_AUTH";
    public static final String METRICS_KEY = "ORDER_METRICS_KEY";
    public static final String ID_SECRET = "ORDER_ID_SECRET";
    static final int MIN_SECRET_LENGTH = 32;

    /** Open: no keys, a random id secret. For tests. */
    public static OrderSecurity open() {
        return new OrderSecurity(ApiKeys.none(), true, Optional.empty(), randomSecret(), false);
    }

    public static OrderSecurity fromEnv(Env env) {
        String mode = env.string(AUTH, "keys").strip();
        if (!mode.equals("keys") && !mode.equals("none")) {
            throw new ConfigException(AUTH, "must be 'keys' (default) or 'none', was '" + mode + "'");
        }
        boolean disabled = mode.equals("none");
        ApiKeys keys = ApiKeys.fromEnv(env);
        if (disabled && !keys.isEmpty()) {
            throw new ConfigException(AUTH, "is 'none' but ORDER_API_KEYS/ORDER_API_KEYS_FILE hold keys; choose one");
        }
        if (!disabled && keys.isEmpty()) {
            throw new ConfigException(ApiKeys.KEYS, "is not set: configure ORDER_API_KEYS (key:customerId,...) or "
                    + "ORDER_API_KEYS_FILE, or set ORDER_AUTH=none to run the order API without authentication");
        }
        Optional<byte[]> metricsKey = env.optional(METRICS_KEY).map(key -> {
            if (key.length() < ApiKeys.MIN_KEY_LENGTH) {
                throw new ConfigException(METRICS_KEY, "must be at least " + ApiKeys.MIN_KEY_LENGTH + " characters");
            }
            return ApiKeys.sha256(key);
        });
        Optional<String> secret = env.optional(ID_SECRET);
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            throw new ConfigException(ID_SECRET, "must be at least " + MIN_SECRET_LENGTH + " characters of random");
        }
        if (secret.isEmpty() && !disabled) {
            // With keys the service is meant to be deployed: its instances must agree on ids and trust each other.
            throw new ConfigException(ID_SECRET, "is not set; every instance needs the same random secret of at "
                    + "least " + MIN_SECRET_LENGTH + " characters (it keys Idempotency-Key order ids)");
        }
        return new OrderSecurity(keys, disabled, metricsKey,
                secret.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(OrderSecurity::randomSecret),
                secret.isPresent());
    }

    public OrderSecurity withIdSecret(String secret) {
        return new OrderSecurity(apiKeys, authDisabled, metricsKeyHash, secret.getBytes(StandardCharsets.UTF_8), true);
    }

    public OrderSecurity withApiKeys(ApiKeys keys) {
        return new OrderSecurity(keys, keys.isEmpty(), metricsKeyHash, idSecret, idSecretShared);
    }

    public OrderSecurity withMetricsKey(String key) {
        return new OrderSecurity(apiKeys, authDisabled, Optional.of(ApiKeys.sha256(key)), idSecret, idSecretShared);
    }

    @Override
    public String toString() {
        // Never print secrets, not even hashes.
        return "OrderSecurity[auth=" + (authDisabled ? "none" : apiKeys.size() + " keys") + ", metricsKey="
                + metricsKeyHash.isPresent() + ", idSecretShared=" + idSecretShared + "]";
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
