package io.fastship.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the loop does when a commit's outcome is unknown, after-commit work fails, or recovery itself fails.
 * The producer double commits its offsets into the consumer double, as the broker would, so "the offsets the
 * broker confirms as committed" can be asked for.
 */
class TransactionalLoopFailureTest {

    private static final TopicPartition INPUT = new TopicPartition("in", 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<Long> processed = new CopyOnWriteArrayList<>();
    private final List<Long> applied = new CopyOnWriteArrayList<>();
    private final List<Collection<TopicPartition>> resyncs = new CopyOnWriteArrayList<>();
    private final List<BrokerLikeProducer> producers = new CopyOnWriteArrayList<>();
    private final AtomicInteger hookFailures = new AtomicInteger();
    /** Commit calls that time out; with {@link #commitLandsAnyway}, the first of them did commit. */
    private volatile int commitTimeouts;
    private volatile boolean commitLandsAnyway;
    private TransactionalLoop loop;

    @AfterEach
    void close() {
        if (loop != null) {
            loop.close();
        }
    }

    @Test
    void aCommitThatTimesOutIsCommittedAgainNotAbortedAndTheBatchIsNotSentTwice() {
        commitTimeouts = 1;
        start(3, defaults());

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 3);

        assertThat(processed).containsExactly(0L, 1L, 2L);
        assertThat(producers).singleElement().satisfies(producer -> {
            assertThat(producer.history()).hasSize(3);
            assertThat(producer.transactionAborted()).isFalse();
            assertThat(producer.commitCalls).hasValue(2);
        });
        assertThat(counter("fastship_transaction_commit_retries_total")).isEqualTo(1);
        assertThat(consumer.committed(java.util.Set.of(INPUT))).containsEntry(INPUT, new OffsetAndMetadata(3));
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
    }

    @Test
    void aCommitWhoseOutcomeStaysUnknownIsResolvedByANewProducerAndRewindsOnlyToWhatCommitted() {
        // Every commit call times out for longer than the budget, but the broker did commit the first one.
        commitTimeouts = Integer.MAX_VALUE;
        commitLandsAnyway = true;
        start(3, defaults().withBatchLimits(Duration.ofMillis(100), Duration.ofMillis(300)));

        await().atMost(Duration.ofSeconds(10)).until(() -> producers.size() == 2 && !resyncs.isEmpty());

        assertThat(producers.get(0).transactionAborted()).isFalse();
        assertThat(producers.get(1).transactionInitialized()).isTrue();
        // Not rewound to 0: the broker says 3 committed, so nothing of the batch is processed again.
        assertThat(consumer.position(INPUT)).isEqualTo(3);
        assertThat(processed).containsExactly(0L, 1L, 2L);
        assertThat(resyncs).singleElement().satisfies(parts -> assertThat(parts).containsExactly(INPUT));
        assertThat(metrics.get("fastship_transactions_total").tag("outcome", "unknown").counter().count())
                .isEqualTo(1);
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
    }

    @Test
    void anAfterCommitHookThatThrowsDoesNotRewindOrRepeatTheCommittedBatch() {
        hookFailures.set(1);
        start(3, defaults());

        await().atMost(Duration.ofSeconds(10)).until(() -> !resyncs.isEmpty());
        consumer.schedulePollTask(() -> consumer.addRecord(new ConsumerRecord<>("in", 0, 3, "k3", new byte[] {3})));
        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 4);

        assertThat(processed).containsExactly(0L, 1L, 2L, 3L);
        assertThat(consumer.position(INPUT)).isEqualTo(4);
        assertThat(counter("fastship_after_commit_failures_total")).isEqualTo(1);
        assertThat(metrics.get("fastship_transactions_total").tag("outcome", "aborted").counter().count()).isZero();
        assertThat(resyncs).singleElement().satisfies(parts -> assertThat(parts).containsExactly(INPUT));
    }

    @Test
    void anInitTransactionsTimeoutFailsTheLoopAndReportsItInsteadOfLeavingAZombie() {
        start(1, defaults(), producer -> producer.initTransactionException = new TimeoutException("no coordinator"));

        Throwable error = loop.failed().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();

        assertThat(error).isInstanceOf(TimeoutException.class);
        assertThat(loop.state()).isEqualTo(LoopState.FAILED);
        assertThat(consumer.closed()).isTrue();
        assertThat(processed).isEmpty();
    }

    @Test
    void aRestoreThatFailsInTheRebalanceCallbackFailsTheLoop() {
        failRestore = true;
        start(1, defaults());

        Throwable error = loop.failed().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();

        assertThat(error).hasStackTraceContaining("restore timed out");
        assertThat(loop.state()).isEqualTo(LoopState.FAILED);
        assertThat(producers).singleElement().satisfies(producer -> assertThat(producer.closed()).isTrue());
    }

    @Test
    void anOutOfOrderSequenceIsFatalClosesTheProducerAndFailsTheLoop() {
        start(1, defaults(), producer -> producer.commitTransactionException = new OutOfOrderSequenceException("lost"));

        loop.failed().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();

        assertThat(loop.state()).isEqualTo(LoopState.FAILED);
        assertThat(producers).singleElement().satisfies(producer -> assertThat(producer.closed()).isTrue());
        assertThat(applied).isEmpty();
    }

    private volatile boolean failRestore;

    private LoopSettings defaults() {
        return LoopSettings.defaults("test", List.of("in"), TaskGrouping.PER_PARTITION)
                .withFailureBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private void start(int records, LoopSettings settings) {
        start(records, settings, producer -> { });
    }

    private void start(int records, LoopSettings settings, java.util.function.Consumer<BrokerLikeProducer> setup) {
        TaskProcessor processor = new TaskProcessor() {
            @Override
            public TaskResult process(TaskBatch batch) {
                batch.records().forEach(record -> processed.add(record.offset()));
                List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
                batch.records().forEach(record -> outputs.add(new ProducerRecord<>("out", record.value())));
                return TaskResult.complete(batch, outputs, () -> {
                    if (hookFailures.getAndDecrement() > 0) {
                        throw new IllegalStateException("hook trouble");
                    }
                    batch.records().forEach(record -> applied.add(record.offset()));
                });
            }

            @Override
            public void partitionsAssigned(Collection<TopicPartition> partitions) {
                if (failRestore) {
                    throw new IllegalStateException("restore timed out");
                }
            }

            @Override
            public void resync(Collection<TopicPartition> partitions) {
                resyncs.add(List.copyOf(partitions));
            }
        };
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(INPUT));
            consumer.updateBeginningOffsets(Map.of(INPUT, 0L));
            for (int i = 0; i < records; i++) {
                consumer.addRecord(new ConsumerRecord<>("in", 0, i, "k" + i, new byte[] {(byte) i}));
            }
        });
        loop = new TransactionalLoop(settings, consumer, () -> {
            BrokerLikeProducer producer = new BrokerLikeProducer();
            if (producers.isEmpty()) {
                setup.accept(producer);
            }
            producers.add(producer);
            return producer;
        }, processor, metrics, Clock.systemUTC()).start();
    }

    private double counter(String name) {
        return metrics.get(name).counter().count();
    }

    /** A producer double whose committed offsets reach the consumer double, and whose commit can time out. */
    private final class BrokerLikeProducer extends MockProducer<byte[], byte[]> {

        final AtomicInteger commitCalls = new AtomicInteger();
        private final Map<TopicPartition, OffsetAndMetadata> pendingOffsets = new HashMap<>();

        BrokerLikeProducer() {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets,
                                                          ConsumerGroupMetadata group) {
            super.sendOffsetsToTransaction(offsets, group);
            pendingOffsets.putAll(offsets);
        }

        @Override
        public synchronized void commitTransaction() {
            int call = commitCalls.incrementAndGet();
            if (call <= commitTimeouts) {
                if (call == 1 && commitLandsAnyway) {
                    consumer.commitSync(pendingOffsets);
                }
                throw new TimeoutException("commit not acknowledged in time");
            }
            super.commitTransaction();
            consumer.commitSync(pendingOffsets);
            pendingOffsets.clear();
        }
    }
}
