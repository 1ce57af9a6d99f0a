package io.fastship.order;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.fastship.order.security.OrderSecurity;
import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.ServiceSettings;
import io.fastship.schemas.access.ServiceAccess;

/**
 * What the order service reads from its environment on top of the common {@link ServiceSettings}, parsed and
 * validated once. The advertised URL's host:port is Streams' {@code application.server}, so a GET on any instance
 * can be forwarded to the order's owner.
 *
 * @param publishTimeout how long an order may wait for the broker's acknowledgement before the client gets 503
 * @param orderDeadline how long an order may stay PENDING before it is cancelled with reason {@code timeout}
 * @param deadlineScanInterval how often (wall-clock) the pending orders whose deadline passed are looked for
 * @param maxWait the longest {@code ?waitForFinal=} and Server-Sent-Events stream a client may ask for
 * @param maxWaiters how many requests may wait for a final status at once before new ones get 503
 * @param maxOpenOrders {@code ORDER_MAX_OPEN}: the most orders accepted here and not final yet; below it, admission
 *                      control ({@link io.fastship.order.intake.OpenOrders}) bounds them by the pipeline's pace; 0 = off
 * @param queryRetry how long a GET retries while a rebalance moves the order's state
 * @param security API keys bound to customers (or {@code ORDER_AUTH=none}), the metrics key and the id secret
 */
public record OrderServiceConfig(ServiceSettings service, Path stateDir, Duration publishTimeout,
                                 Duration orderDeadline, Duration deadlineScanInterval, Duration maxWait,
                                 int maxWaiters, int maxOpenOrders, Duration queryRetry, int standbyReplicas,
                                 Duration commitInterval, OrderSecurity security) {

    /** Application id of the Streams topology (and the name of the service), before the namespace. */
    // The principal of the same name gets this service's ACLs (ServiceAccess), so the two cannot drift.
    public static final String SERVICE_ID = ServiceAccess.ORDER.serviceId();
    static final int DEFAULT_PORT = 8080;

    public OrderServiceConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(security, "security");
    }

    /** Reads and validates the environment; a {@link ConfigException} names the first bad variable. */
    public static OrderServiceConfig fromEnv(Env env) {
        ServiceSettings service = ServiceSettings.fromEnv(env, DEFAULT_PORT);
        Path stateDir = env.optional("STATE_DIR").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"),
                "fastship-order-service-" + service.instanceId()));
        Duration publishTimeout = env.positiveDuration("ORDER_PUBLISH_TIMEOUT", Duration.ofSeconds(5));
        if (publishTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigException("ORDER_PUBLISH_TIMEOUT", "must be at least 1s (the producer's request timeout "
                    + "must fit inside it), was " + publishTimeout);
        }
        return new OrderServiceConfig(service, stateDir, publishTimeout,
                env.positiveDuration("ORDER_DEADLINE", Duration.ofSeconds(30)),
                env.positiveDuration("ORDER_DEADLINE_SCAN_INTERVAL", Duration.ofSeconds(1)),
                env.positiveDuration("ORDER_MAX_WAIT", Duration.ofSeconds(60)),
                env.integer("ORDER_MAX_WAITERS", 10_000, 1, 1_000_000),
                env.integer("ORDER_MAX_OPEN", 50_000, 0, 10_000_000),
                env.positiveDuration("ORDER_QUERY_RETRY", Duration.ofSeconds(5)),
                env.integer("STREAMS_STANDBY_REPLICAS", 1, 0, 10),
                env.positiveDuration("STREAMS_COMMIT_INTERVAL", Duration.ofMillis(100)),
                OrderSecurity.fromEnv(env));
    }

    /** The same config over other common settings (the runtime's, with a picked HTTP port). */
    public OrderServiceConfig withService(ServiceSettings resolved) {
        return new OrderServiceConfig(resolved, stateDir, publishTimeout, orderDeadline, deadlineScanInterval, maxWait,
                maxWaiters, maxOpenOrders, queryRetry, standbyReplicas, commitInterval, security);
    }

    /** The Streams application id and consumer group of this service: {@code <namespace>.order-service}. */
    public String applicationId() {
        return service.applicationId(SERVICE_ID);
    }
}
