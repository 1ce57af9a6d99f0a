package io.fastship.platform.processing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of one {@link TransactionalLoop}, tagged {@code loop=<name>}. */
final class LoopMetrics {

    private static final String TRANSACTIONS = "fastship_transactions_total";
    private static final String TRANSACTIONS_DOC = "Consume-process-produce transactions by outcome";

    final Counter committed;
    final Counter aborted;
    final Counter unknown;
    final Counter commitRetries;
    final Counter hookFailures;
    final Counter consumed;
    final AtomicLong lag = new AtomicLong();
    final AtomicInteger assigned = new AtomicInteger();

    LoopMetrics(MeterRegistry registry, String name) {
        committed = Counter.builder(TRANSACTIONS).tag("loop", name).tag("outcome", "committed")
                .description(TRANSACTIONS_DOC).register(registry);
        aborted = Counter.builder(TRANSACTIONS).tag("loop", name).tag("outcome", "aborted")
                .description(TRANSACTIONS_DOC).register(registry);
        unknown = Counter.builder(TRANSACTIONS).tag("loop", name).tag("outcome", "unknown")
                .description(TRANSACTIONS_DOC).register(registry);
        commitRetries = Counter.builder("fastship_transaction_commit_retries_total").tag("loop", name)
                .description("commitTransaction calls repeated after a timeout (outcome unknown)").register(registry);
        hookFailures = Counter.builder("fastship_after_commit_failures_total").tag("loop", name)
                .description("After-commit hooks that threw (the batch stays committed; state is restored)")
                .register(registry);
        consumed = Counter.builder("fastship_records_consumed_total").tag("loop", name)
                .description("Records handed to processing (counted again when re-polled)").register(registry);
        Gauge.builder("fastship_consumer_lag_records", lag, AtomicLong::get).tag("loop", name)
                .description("Records behind the end of the assigned partitions, as of the last poll")
                .register(registry);
        Gauge.builder("fastship_consumer_assigned_partitions", assigned, AtomicInteger::get).tag("loop", name)
                .description("Partitions this instance owns").register(registry);
    }
}
