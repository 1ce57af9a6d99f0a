package io.fastship.gateway;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;

/**
 * Everything the simulated gateway reads from its environment, validated once at start.
 *
 * @param host         {@code GATEWAY_HTTP_HOST} (default 127.0.0.1)
 * @param port         {@code GATEWAY_HTTP_PORT} (default 8084; 0 = a free port)
 * @param latency      {@code GATEWAY_LATENCY_MS}: added to every charge, refund and lookup
 * @param failureRate  {@code GATEWAY_FAILURE_RATE}: share (0..1) of charge, refund and lookup calls that fail
 * @param failureKinds {@code GATEWAY_FAILURE_KINDS}: which failures, comma-separated (default all of them)
 * @param limitMinor   {@code GATEWAY_LIMIT_MINOR}: charges above this amount are declined
 * @param hold         {@code GATEWAY_TIMEOUT_HOLD_MS}: how long a withheld response is held before a 504
 * @param dataDir      {@code GATEWAY_DATA_DIR}: where the ledger is kept across restarts; absent = memory only
 */
public record GatewaySettings(String host, int port, Duration latency, double failureRate,
                              Set<FailureKind> failureKinds, long limitMinor, Duration hold, Optional<Path> dataDir) {

    public static final String FAILURE_KINDS = "GATEWAY_FAILURE_KINDS";

    public GatewaySettings {
        failureKinds = failureKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(failureKinds));
    }

    public static GatewaySettings fromEnv(Env env) {
        Set<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
        for (String name : env.list(FAILURE_KINDS)) {
            kinds.add(FailureKind.parse(name).orElseThrow(() -> new ConfigException(FAILURE_KINDS,
                    "unknown failure kind '" + name + "' (expected refused, timeout_after_charge, 5xx)")));
        }
        if (kinds.isEmpty()) {
            kinds = EnumSet.allOf(FailureKind.class);
        }
        return new GatewaySettings(env.string("GATEWAY_HTTP_HOST", "127.0.0.1"),
                env.integer("GATEWAY_HTTP_PORT", 8084, 0, 65535),
                Duration.ofMillis(env.integer("GATEWAY_LATENCY_MS", 0, 0, 60_000)),
                env.decimal("GATEWAY_FAILURE_RATE", 0.0, 0.0, 1.0),
                kinds,
                env.longValue("GATEWAY_LIMIT_MINOR", 1_000_000L, 0, Long.MAX_VALUE),
                Duration.ofMillis(env.integer("GATEWAY_TIMEOUT_HOLD_MS", 30_000, 1, 600_000)),
                env.optional("GATEWAY_DATA_DIR").filter(dir -> !dir.isBlank()).map(Path::of));
    }

    /** The failures the gateway can inject. */
    public enum FailureKind {
        /** Refused before anything happens (429): nothing was charged, the caller may retry at once. */
        REFUSED,
        /** The operation is done and recorded, the response withheld until the caller gives up. */
        TIMEOUT_AFTER_CHARGE,
        /** A 500 or 503; half of them after the operation was done, so the caller cannot tell. */
        SERVER_ERROR;

        static Optional<FailureKind> parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "refused" -> Optional.of(REFUSED);
                case "timeout_after_charge", "timeout" -> Optional.of(TIMEOUT_AFTER_CHARGE);
                case "5xx", "server_error" -> Optional.of(SERVER_ERROR);
                default -> Optional.empty();
            };
        }
    }
}
