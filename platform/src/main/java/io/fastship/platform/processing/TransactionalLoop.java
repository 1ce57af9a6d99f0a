package io.fastship.platform.processing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * ({@link TaskPlan}, cut by {@link TaskGrouping}) may be processed in parallel on a bounded pool, each task in
 * record order, and then committed together: per partition the prefix of offsets whose tasks all finished
 * ({@link BatchSettlement}), with the outputs of exactly those tasks, in task order (the order of each task's
 * first record). Tasks not started by the soft deadline are skipped, except those every partition's first record
 * depends on, so each batch advances every partition.
 *
 * <p>On an abortable failure the transaction is aborted, staged state is dropped (the processor applies it only
 * after commit), every partition of the batch is rewound to the batch's first offset, and the loop backs off
 * before polling again. A transaction never spans a poll, so a rebalance (which runs inside
 * {@code poll}) never finds one open: revoked partitions have nothing pending. Closing wakes the consumer, lets
 * the running batch stop early and commit what it finished, then closes the producer and leaves the group.
 */
public final class TransactionalLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransactionalLoop.class);

    private final LoopSettings settings;
    private final Consumer<String, byte[]> consumer;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private final TaskProcessor processor;
    private final Clock clock;
    private final ExecutorService pool;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicReference<LoopState> state = new AtomicReference<>(LoopState.CREATED);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong lag = new AtomicLong();
    private final AtomicInteger assigned = new AtomicInteger();
    private final Counter committed;
    private final Counter aborted;
    private final Counter consumed;
    private final MeterRegistry metrics;
    private final KafkaClientMetrics consumerMetrics;
    private KafkaClientMetrics producerMetrics;
    private volatile boolean closed;
    private Producer<byte[], byte[]> producer;
    private int consecutiveFailures;

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
        this.producers = producers;
        this.processor = processor;
        this.clock = clock;
        this.pool = settings.parallelism() > 1 ? Executors.newFixedThreadPool(settings.parallelism(), namedThreads())
                : null;
        this.thread = new Thread(this::run, settings.name() + "-loop");
        this.metrics = metrics;
        // The clients' own metrics, among them records-lag per partition (kafka_consumer_fetch_manager_records_lag).
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(metrics);
        String name = settings.name();
        committed = Counter.builder("fastship_transactions_total").tag("loop", name).tag("outcome", "committed")
                .description("Consume-process-produce transactions by outcome").register(metrics);
        aborted = Counter.builder("fastship_transactions_total").tag("loop", name).tag("outcome", "aborted")
                .description("Consume-process-produce transactions by outcome").register(metrics);
        consumed = Counter.builder("fastship_records_consumed_total").tag("loop", name)
                .description("Records handed to processing (counted again when re-polled)").register(metrics);
        Gauge.builder("fastship_consumer_lag_records", lag, AtomicLong::get).tag("loop", name)
                .description("Records behind the end of the assigned partitions, as of the last poll")
                .register(metrics);
        Gauge.builder("fastship_consumer_assigned_partitions", assigned, AtomicInteger::get).tag("loop", name)
                .description("Partitions this instance owns").register(metrics);
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

    /** Records behind the end of the assigned partitions as of the last poll. */
    public long lag() {
        return lag.get();
    }

    public int assignedPartitions() {
        return assigned.get();
    }

    private void run() {
        try {
            producer = newProducer();
            producer.initTransactions();
            consumer.subscribe(settings.topics(), new Rebalance());
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
                    consumed.increment(records.count());
                    processInTransaction(records);
                }
            }
            state.set(LoopState.STOPPED);
        } catch (Throwable e) {
            // Includes errors thrown out of poll (also by the rebalance callbacks) and fatal producer errors.
            if (closed && e instanceof WakeupException) {
                state.set(LoopState.STOPPED);
            } else {
                failure.set(e);
                state.set(LoopState.FAILED);
                log.error("Loop {} stopped by an error it cannot recover from", settings.name(), e);
            }
        } finally {
            shutdown();
        }
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> records) {
        Instant started = clock.instant();
        Instant deadline = started.plus(settings.batchDeadline());
        BooleanSupplier pastDeadline = () -> closed || clock.instant().isAfter(deadline);
        BooleanSupplier closing = () -> closed;
        TaskPlan plan = TaskPlan.of(records, settings.grouping(), settings.topics());
        List<TaskBatch> tasks = new ArrayList<>();
        for (int i = 0; i < plan.tasks().size(); i++) {
            List<ConsumerRecord<String, byte[]>> taskRecords = plan.tasks().get(i);
            boolean mustRun = plan.mustRun().contains(i);
            tasks.add(new TaskBatch(settings.grouping().taskOf(taskRecords.get(0)), taskRecords,
                    mustRun && settings.grouping() == TaskGrouping.PER_KEY ? closing : pastDeadline));
        }
        boolean open = false;
        try {
            producer.beginTransaction();
            open = true;
            List<TaskResult> results = runTasks(tasks, plan.mustRun(), pastDeadline);
            List<Integer> processed = new ArrayList<>(results.size());
            results.forEach(result -> processed.add(result.processed()));
            BatchSettlement settlement = BatchSettlement.of(plan.tasks(), processed);
            int dropped = 0;
            for (int i = 0; i < results.size(); i++) {
                if (settlement.kept().get(i)) {
                    for (ProducerRecord<byte[], byte[]> output : results.get(i).outputs()) {
                        producer.send(output);
                    }
                } else {
                    dropped++;
                }
            }
            if (!settlement.commit().isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                settlement.commit().forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
            open = false;
            committed.increment();
            consecutiveFailures = 0;
            for (int i = 0; i < results.size(); i++) {
                if (settlement.kept().get(i)) {
                    results.get(i).onCommit().run();
                }
            }
            // Records not started (or not committable) before the deadline are polled again, after the committed ones.
            settlement.rewind().forEach(this::seekIfOwned);
            log.debug("Loop {} committed {} of {} task(s) from {} record(s) of {} partition(s) in {}", settings.name(),
                    results.size() - dropped, results.size(), records.count(), records.partitions().size(),
                    Duration.between(started, clock.instant()));
        } catch (Exception e) {
            recover(e, open, records);
        }
    }

    private void recover(Exception error, boolean open, ConsumerRecords<String, byte[]> records) {
        ProducerErrors kind = ProducerErrors.classify(error);
        if (kind == ProducerErrors.FATAL) {
            throw new IllegalStateException("transaction of loop " + settings.name() + " failed fatally", error);
        }
        aborted.increment();
        consecutiveFailures++;
        log.warn("Loop {} aborts a batch of {} record(s) and will poll it again: {}", settings.name(),
                records.count(), error.toString());
        if (kind == ProducerErrors.RECREATE_PRODUCER) {
            replaceProducer();
        } else if (open) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException abortError) {
                if (ProducerErrors.classify(abortError) == ProducerErrors.FATAL) {
                    throw new IllegalStateException("abort of loop " + settings.name() + " failed fatally",
                            abortError);
                }
                replaceProducer();
            }
        }
        for (TopicPartition partition : records.partitions()) {
            seekIfOwned(partition, records.records(partition).get(0).offset());
        }
        pause(settings.failureBackoff().delay(consecutiveFailures));
    }

    private void replaceProducer() {
        log.warn("Loop {} replaces its producer", settings.name());
        closeQuietly(producer);
        producer = newProducer();
        producer.initTransactions();
    }

    private Producer<byte[], byte[]> newProducer() {
        Producer<byte[], byte[]> made = producers.get();
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        producerMetrics = new KafkaClientMetrics(made);
        producerMetrics.bindTo(metrics);
        return made;
    }

    private List<TaskResult> runTasks(List<TaskBatch> tasks, Set<Integer> mustRun, BooleanSupplier pastDeadline)
            throws Exception {
        if (pool == null || tasks.size() == 1) {
            List<TaskResult> results = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                results.add(runTask(tasks.get(i), mustRun.contains(i), pastDeadline));
            }
            return results;
        }
        List<Future<TaskResult>> futures = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskBatch task = tasks.get(i);
            boolean must = mustRun.contains(i);
            futures.add(pool.submit(() -> runTask(task, must, pastDeadline)));
        }
        long deadline = System.nanoTime() + settings.batchTimeout().toNanos();
        List<TaskResult> results = new ArrayList<>();
        try {
            for (Future<TaskResult> future : futures) {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("tasks of loop " + settings.name() + " still running after "
                    + settings.batchTimeout());
        } finally {
            // Results of abandoned tasks are never committed; their staged state dies with them.
            futures.forEach(future -> future.cancel(true));
        }
    }

    /** A task that may be skipped and is not started before the deadline is left for the next poll. */
    private TaskResult runTask(TaskBatch task, boolean mustRun, BooleanSupplier pastDeadline) throws Exception {
        if (!mustRun && pastDeadline.getAsBoolean()) {
            return new TaskResult(List.of(), 0, () -> { });
        }
        return processor.process(task);
    }

    private void seekIfOwned(TopicPartition partition, long offset) {
        if (consumer.assignment().contains(partition)) {
            consumer.seek(partition, offset);
        }
    }

    private void updateLag() {
        Set<TopicPartition> assignment = consumer.assignment();
        long total = 0;
        for (TopicPartition partition : assignment) {
            total += consumer.currentLag(partition).orElse(0);
        }
        lag.set(total);
        assigned.set(assignment.size());
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
        if (pool != null) {
            pool.shutdownNow();
        }
        closeQuietly(producer);
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        consumerMetrics.close();
        try {
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(settings.closeTimeout()));
        } catch (RuntimeException e) {
            log.warn("Loop {}: closing the consumer failed: {}", settings.name(), e.toString());
        }
        log.info("Loop {} stopped ({})", settings.name(), state.get());
    }

    private void closeQuietly(Producer<byte[], byte[]> toClose) {
        if (toClose == null) {
            return;
        }
        try {
            // An open transaction is aborted by the coordinator when the producer goes away.
            toClose.close(settings.closeTimeout());
        } catch (RuntimeException e) {
            log.warn("Loop {}: closing the producer failed: {}", settings.name(), e.toString());
        }
    }

    /** Stops polling, lets the running batch finish early and commit, then closes the clients; bounded. */
    @Override
    public void close() {
        closed = true;
        closing.countDown();
        consumer.wakeup();
        if (thread.isAlive()) {
            try {
                thread.join(settings.batchTimeout().plus(settings.closeTimeout().multipliedBy(2)).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("Loop {} did not stop in time", settings.name());
            }
        } else if (state.get() == LoopState.CREATED) {
            consumerMetrics.close();
            consumer.close(CloseOptions.timeout(settings.closeTimeout()));
            state.set(LoopState.STOPPED);
        }
    }

    private java.util.concurrent.ThreadFactory namedThreads() {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread worker = new Thread(runnable, settings.name() + "-task-" + next.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        };
    }

    /** Hands assignment changes to the processor; runs inside poll, when no transaction is open. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Loop {} assigned {}", settings.name(), partitions);
                processor.partitionsAssigned(partitions);
            }
            assigned.set(consumer.assignment().size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Loop {} revoked {}", settings.name(), partitions);
                processor.partitionsRevoked(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.warn("Loop {} lost {} (another instance may own them already)", settings.name(), partitions);
                processor.partitionsRevoked(partitions);
            }
        }
    }
}
