package io.fastship.platform.processing;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume-process-produce loop of a plain {@link Consumer} with exactly-once results: every poll becomes one
 * Kafka transaction holding the task outputs and the consumed offsets (sent with the consumer's group metadata,
 * KIP-447), so a reader with {@code isolation.level=read_committed} sees each input's outputs exactly once.
 *
 * <p>One thread owns the consumer: {@code while (!closed) { poll; process; commit }}. The tasks of a poll
 * ({@link TaskPlan}, cut by {@link TaskGrouping}) may be processed in parallel ({@link TaskRunner}), then
 * committed together ({@link BatchTransaction}, which also says what each failure leads to). A transaction never
 * spans a poll, so a rebalance (which runs inside {@code poll}) never finds one open.
 *
 * <p>Failure policy: what the loop cannot recover from — fenced by a newer instance with our transactional id,
 * refused by the cluster, {@code initTransactions} timing out, a restore timing out in the rebalance callback,
 * committed offsets that cannot be learnt — ends it {@link LoopState#FAILED}: clients closed, partitions given
 * up, and {@link #failed()} completed, so the service can exit non-zero and be restarted (with the same instance
 * id, whose transactional id fences whatever this instance left open). It never keeps polling half-recovered.
 */
public final class TransactionalLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionalLoop.class);

    private final LoopSettings settings;
    private final Consumer<String, byte[]> consumer;
    private final TaskProcessor processor;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicReference<LoopState> state = new AtomicReference<>(LoopState.CREATED);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private final LoopMetrics metrics;
    private final KafkaClientMetrics consumerMetrics;
    private final LoopProducer producer;
    private final TaskRunner runner;
    private final BatchTransaction batches;
    private volatile boolean closed;

    /**
     * @param consumer  a consumer with a group id, {@code read_committed}, auto-commit off; the loop owns and closes it
     * @param producers makes a transactional producer (called again only if the producer must be replaced)
     * @param metrics   where loop meters go, tagged {@code loop=<name>}
     */
    public TransactionalLoop(LoopSettings settings, Consumer<String, byte[]> consumer,
                             Supplier<Producer<byte[], byte[]>> producers, TaskProcessor processor,
                             MeterRegistry metrics, Clock clock) {
        this.settings = settings;
        this.consumer = consumer;
        this.processor = processor;
        this.thread = new Thread(this::run, settings.name() + "-loop");
        this.metrics = new LoopMetrics(metrics, settings.name());
        // The clients' own metrics, among them records-lag per partition (kafka_consumer_fetch_manager_records_lag).
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(metrics);
        this.producer = new LoopProducer(settings.name(), producers, metrics, this.metrics, settings.closeTimeout());
        this.runner = new TaskRunner(processor, settings.parallelism(), settings.batchTimeout(), settings.name());
        this.batches = new BatchTransaction(settings, consumer, producer, runner, processor, this.metrics, clock,
                () -> closed, this::pause);
    }

    /** Starts the loop thread; transactions are initialised and the subscription made on it. */
    public TransactionalLoop start() {
        if (!state.compareAndSet(LoopState.CREATED, LoopState.STARTING)) {
            throw new IllegalStateException("loop " + settings.name() + " already started");
        }
        thread.start();
        return this;
    }

    public LoopState state() {
        return state.get();
    }

    /** The error that stopped the loop, if it failed. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Completes with the error once the loop has failed and closed its clients; never completes on a clean stop.
     * Act on it from another thread ({@code thenRunAsync}): it is completed on the loop thread.
     */
    public CompletableFuture<Throwable> failed() {
        return failed;
    }

    /** Records behind the end of the assigned partitions as of the last poll. */
    public long lag() {
        return metrics.lag.get();
    }

    public int assignedPartitions() {
        return metrics.assigned.get();
    }

    private void run() {
        Throwable error = null;
        try {
            // A timeout here is not retried: a loop without transactions must not poll; FAILED lets it restart.
            producer.init();
            consumer.subscribe(settings.topics(), new LoopRebalance(settings.name(), consumer, processor, metrics));
            state.compareAndSet(LoopState.STARTING, LoopState.RUNNING);
            log.info("Loop {} running on {}", settings.name(), settings.topics());
            while (!closed) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(settings.pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                updateLag();
                if (!records.isEmpty()) {
                    metrics.consumed.increment(records.count());
                    batches.process(records);
                }
            }
            state.set(LoopState.STOPPED);
        } catch (Throwable e) {
            // Includes errors thrown out of poll (also by the rebalance callbacks) and fatal producer errors.
            if (closed && e instanceof WakeupException) {
                state.set(LoopState.STOPPED);
            } else {
                error = e;
                failure.set(e);
                state.set(LoopState.FAILED);
                log.error("Loop {} stopped by an error it cannot recover from", settings.name(), e);
            }
        } finally {
            shutdown();
        }
        if (error != null) {
            failed.complete(error);
        }
    }

    private void updateLag() {
        Set<TopicPartition> assignment = consumer.assignment();
        long total = 0;
        for (TopicPartition partition : assignment) {
            total += consumer.currentLag(partition).orElse(0);
        }
        metrics.lag.set(total);
        metrics.assigned.set(assignment.size());
    }

    private void pause(Duration delay) {
        try {
            closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void shutdown() {
        runner.close();
        producer.close();
        consumerMetrics.close();
        try {
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(settings.closeTimeout()));
        } catch (RuntimeException e) {
            log.warn("Loop {}: closing the consumer failed: {}", settings.name(), e.toString());
        }
        metrics.assigned.set(0);
        log.info("Loop {} stopped ({})", settings.name(), state.get());
    }

    /** Stops polling, lets the running batch finish early and commit, then closes the clients; bounded. */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        consumer.wakeup();
        if (thread.isAlive()) {
            try {
                thread.join(settings.batchTimeout().multipliedBy(2).plus(settings.closeTimeout().multipliedBy(2))
                        .toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("Loop {} did not stop in time", settings.name());
            }
        } else if (state.get() == LoopState.CREATED) {
            runner.close();
            consumerMetrics.close();
            consumer.close(CloseOptions.timeout(settings.closeTimeout()));
            state.set(LoopState.STOPPED);
        }
    }
}
