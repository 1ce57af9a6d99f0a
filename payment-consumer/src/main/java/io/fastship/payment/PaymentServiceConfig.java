package io.fastship.payment;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.config.ServiceSettings;
import io.fastship.platform.processing.Backoff;
import io.fastship.platform.processing.TaskGrouping;
import io.fastship.schemas.access.ServiceAccess;

/**
 * What the payment service reads from its environment on top of the common {@link ServiceSettings}, validated
 * once at start.
 *
 * @param groupProtocol     {@code PAYMENT_GROUP_PROTOCOL}: {@code consumer} (KIP-848, default) or {@code classic}
 * @param processingThreads {@code PAYMENT_PROCESSING_THREADS}: tasks of one poll processed at once (default 32:
 *                          the work is waiting on the gateway, so far more threads than cores pay off)
 * @param taskGrouping      {@code PAYMENT_TASK_GROUPING}: {@code key} (default: orders processed in parallel, each
 *                          order's records in order) or {@code partition} (each partition number sequentially)
 * @param maxPollRecords    {@code PAYMENT_MAX_POLL_RECORDS}: records per poll, so per transaction at most
 * @param fetchMaxWait      {@code PAYMENT_FETCH_MAX_WAIT}: how long the broker may hold a fetch to fill it (default
 *                          100ms; 0 = answer at once). Every poll is a transaction, so a wait means fewer, fuller
 *                          transactions; payment runs beside inventory, not before it, so it adds nothing to an
 *                          order's end-to-end time (the bench's A/B at 50/s: payment 3.35 to 1.10 ms per order)
 * @param batchDeadline     {@code PAYMENT_BATCH_DEADLINE}: no new record of a batch starts after this
 * @param transactionTimeout {@code PAYMENT_TRANSACTION_TIMEOUT}: how long a crashed instance's open transaction
 *                          blocks its partitions before the broker aborts it
 * @param gatewayUrl        {@code PAYMENT_GATEWAY_URL}: the payment gateway (default http://127.0.0.1:8084)
 * @param gatewayTimeout    {@code PAYMENT_GATEWAY_TIMEOUT}: longest wait for one gateway answer (default 2s);
 *                          a call still unanswered then has an unknown outcome and is looked up
 * @param retryBackoff      {@code PAYMENT_RETRY_INITIAL_BACKOFF} / {@code PAYMENT_RETRY_MAX_BACKOFF}
 * @param stateDir          {@code STATE_DIR}: where the outcomes of the owned partitions are kept on disk (default
 *                          a directory per instance under the temporary directory); rebuilt from the changelog
 * @param retryBudget       {@code PAYMENT_RETRY_BUDGET}: time one order may spend retrying in one batch before it
 *                          waits for the next (it is never declined for want of an answer)
 */
public record PaymentServiceConfig(ServiceSettings service, String groupProtocol,
                                   int processingThreads, TaskGrouping taskGrouping, int maxPollRecords,
                                   Duration fetchMaxWait, Duration batchDeadline, Duration transactionTimeout,
                                   URI gatewayUrl, Duration gatewayTimeout, Backoff retryBackoff, Duration retryBudget,
                                   Path stateDir) {

    /** The consumer group (and service id) without a namespace. */
    // The principal of the same name gets this service's ACLs (ServiceAccess), so the two cannot drift.
    public static final String SERVICE_ID = ServiceAccess.PAYMENT.serviceId();
    public static final int DEFAULT_HTTP_PORT = 8082;
    public static final String GROUP_PROTOCOL = "PAYMENT_GROUP_PROTOCOL";
    public static final String TRANSACTION_TIMEOUT = "PAYMENT_TRANSACTION_TIMEOUT";
    public static final String RETRY_MAX_BACKOFF = "PAYMENT_RETRY_MAX_BACKOFF";
    public static final String TASK_GROUPING = "PAYMENT_TASK_GROUPING";
    public static final String GATEWAY_URL = "PAYMENT_GATEWAY_URL";
    public static final String FETCH_MAX_WAIT = "PAYMENT_FETCH_MAX_WAIT";
    static final Duration DEFAULT_FETCH_MAX_WAIT = Duration.ofMillis(100);

    public PaymentServiceConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(taskGrouping, "taskGrouping");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        Objects.requireNonNull(fetchMaxWait, "fetchMaxWait");
        Objects.requireNonNull(stateDir, "stateDir");
    }

    public static PaymentServiceConfig fromEnv(Env env) {
        ServiceSettings service = ServiceSettings.fromEnv(env, DEFAULT_HTTP_PORT);
        String protocol = env.string(GROUP_PROTOCOL, "consumer").toLowerCase(Locale.ROOT);
        if (!protocol.equals("consumer") && !protocol.equals("classic")) {
            throw new ConfigException(GROUP_PROTOCOL, "must be consumer or classic, was '" + protocol + "'");
        }
        String grouping = env.string(TASK_GROUPING, "key").toLowerCase(Locale.ROOT);
        if (!grouping.equals("key") && !grouping.equals("partition")) {
            throw new ConfigException(TASK_GROUPING, "must be key or partition, was '" + grouping + "'");
        }
        Duration initial = env.positiveDuration("PAYMENT_RETRY_INITIAL_BACKOFF", Duration.ofMillis(100));
        Duration max = env.positiveDuration(RETRY_MAX_BACKOFF, Duration.ofSeconds(2));
        if (max.compareTo(initial) < 0) {
            throw new ConfigException(RETRY_MAX_BACKOFF, "must not be below PAYMENT_RETRY_INITIAL_BACKOFF ("
                    + initial + "), was " + max);
        }
        PaymentServiceConfig config = new PaymentServiceConfig(service,
                protocol,
                env.integer("PAYMENT_PROCESSING_THREADS", 32, 1, 256),
                grouping.equals("key") ? TaskGrouping.PER_KEY : TaskGrouping.PER_PARTITION_NUMBER,
                env.integer("PAYMENT_MAX_POLL_RECORDS", 200, 1, 10_000),
                fetchMaxWait(env),
                env.positiveDuration("PAYMENT_BATCH_DEADLINE", Duration.ofSeconds(10)),
                env.positiveDuration(TRANSACTION_TIMEOUT, Duration.ofSeconds(60)),
                gatewayUrl(env),
                env.positiveDuration("PAYMENT_GATEWAY_TIMEOUT", Duration.ofSeconds(2)),
                new Backoff(initial, max),
                env.positiveDuration("PAYMENT_RETRY_BUDGET", Duration.ofSeconds(10)),
                env.optional("STATE_DIR").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir"),
                        "fastship-payment-" + service.instanceId())));
        if (config.transactionTimeout().compareTo(config.batchTimeout()) <= 0) {
            throw new ConfigException(TRANSACTION_TIMEOUT, "must exceed the longest batch ("
                    + config.batchTimeout() + " = PAYMENT_BATCH_DEADLINE + 2 x PAYMENT_GATEWAY_TIMEOUT + slack), was "
                    + config.transactionTimeout());
        }
        return config;
    }

    /**
     * The hard bound of one batch: no record or retry starts after the deadline, and the attempt under way then
     * takes at most a charge and a lookup, each bounded by the gateway timeout.
     */
    public Duration batchTimeout() {
        return batchDeadline.plus(gatewayTimeout.multipliedBy(2)).plus(Duration.ofSeconds(5));
    }

    /**
     * How long a restore may wait for a previous owner's open transaction on the changelog: past the
     * transaction timeout, after which the coordinator aborts it.
     */
    public Duration restoreTimeout() {
        return transactionTimeout.plus(Duration.ofSeconds(30));
    }

    /**
     * Well above a batch and above a restore (which runs inside poll, in the rebalance callback), so neither a
     * slow gateway nor a wait for a previous owner's transaction gets this instance thrown out of the group.
     */
    public Duration maxPollInterval() {
        Duration batches = batchTimeout().multipliedBy(2);
        Duration restore = restoreTimeout();
        return (batches.compareTo(restore) > 0 ? batches : restore).plus(Duration.ofSeconds(30));
    }

    /** The same instance id gets the same transactional id, so a restart fences its predecessor at once. */
    public String transactionalId() {
        return groupId() + "-" + service.instanceId();
    }

    /** The consumer group in this deployment's namespace: {@code <namespace>.payment-service}. */
    public String groupId() {
        return service.applicationId(SERVICE_ID);
    }

    /** Zero turns the wait off; above 500ms the poll timeout, not the batch, would decide. */
    private static Duration fetchMaxWait(Env env) {
        Duration wait = env.duration(FETCH_MAX_WAIT, DEFAULT_FETCH_MAX_WAIT);
        if (wait.isNegative() || wait.compareTo(Duration.ofMillis(500)) > 0) {
            throw new ConfigException(FETCH_MAX_WAIT, "must be between 0 and 500ms, was " + wait);
        }
        return wait;
    }

    private static URI gatewayUrl(Env env) {
        String text = env.string(GATEWAY_URL, "http://127.0.0.1:8084");
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(GATEWAY_URL, "must be an http(s) URL, was '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(GATEWAY_URL, "must be an http(s) URL, was '" + text + "'");
        }
    }
}
