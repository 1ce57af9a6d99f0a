package io.fastship.inventory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.fastship.platform.config.Env;
import io.fastship.platform.config.ServiceSettings;
import io.fastship.schemas.access.ServiceAccess;

/**
 * What the inventory service reads from its environment on top of the common {@link ServiceSettings}, validated
 * once. The advertised host:port is Streams' {@code application.server}, where other instances forward queries.
 */
public record InventoryConfig(ServiceSettings service, Path stateDir, int standbyReplicas, int streamThreads,
                              Duration commitInterval) {

    /** The Streams application id without a namespace. */
    // The principal of the same name gets this service's ACLs (ServiceAccess), so the two cannot drift.
    public static final String SERVICE_ID = ServiceAccess.INVENTORY.serviceId();
    public static final int DEFAULT_HTTP_PORT = 8083;

    public InventoryConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(commitInterval, "commitInterval");
    }

    public static InventoryConfig fromEnv(Env env) {
        ServiceSettings service = ServiceSettings.fromEnv(env, DEFAULT_HTTP_PORT);
        Path stateDir = env.optional("STATE_DIR").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "fastship-inventory-" + service.instanceId()));
        return new InventoryConfig(service, stateDir, env.integer("INVENTORY_STANDBY_REPLICAS", 1, 0, 10),
                env.integer("INVENTORY_STREAM_THREADS", 1, 1, 64),
                env.positiveDuration("INVENTORY_COMMIT_INTERVAL", Duration.ofMillis(100)));
    }

    /** The Streams application id in this deployment's namespace: {@code <namespace>.inventory-service}. */
    public String applicationId() {
        return service.applicationId(SERVICE_ID);
    }
}
