package io.fastship.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The loop's transaction protocol against Kafka's client test doubles (no broker: that is what the ITs are for). */
class TransactionalLoopTest {

    private static final TopicPartition INPUT = new TopicPartition("in", 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<Long> processedOffsets = new CopyOnWriteArrayList<>();
    private final List<Long> committedOffsets = new CopyOnWriteArrayList<>();
    private TransactionalLoop loop;

    @AfterEach
    void close() {
        if (loop != null) {
            loop.close();
        }
    }

    private int fenceOnCall;

    private void startWith(int failFirstCalls, int records) {
        AtomicInteger calls = new AtomicInteger();
        TaskProcessor processor = batch -> {
            batch.records().forEach(record -> processedOffsets.add(record.offset()));
            int call = calls.incrementAndGet();
            if (call <= failFirstCalls) {
                // The double drops records once polled; a broker would serve them again from the rewound
                // position. Offsets below the position are skipped, so without the rewind nothing comes back.
                consumer.schedulePollTask(() -> batch.records().forEach(consumer::addRecord));
                throw new IllegalStateException("transient trouble");
            }
            if (fenceOnCall == call) {
                producer.fenceProducer();
            }
            List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
            batch.records().forEach(record -> outputs.add(new ProducerRecord<>("out", record.value())));
            return TaskResult.complete(batch, outputs,
                    () -> batch.records().forEach(record -> committedOffsets.add(record.offset())));
        };
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(INPUT));
            consumer.updateBeginningOffsets(Map.of(INPUT, 0L));
            for (int i = 0; i < records; i++) {
                consumer.addRecord(new ConsumerRecord<>("in", 0, i, "k" + i, new byte[] {(byte) i}));
            }
        });
        LoopSettings settings = LoopSettings.defaults("test", List.of("in"), TaskGrouping.PER_PARTITION)
                .withFailureBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
        loop = new TransactionalLoop(settings, consumer, () -> producer, processor, metrics, Clock.systemUTC()).start();
    }

    @Test
    void commitsOutputsAndOffsetsInOneTransactionAndAppliesStateOnlyAfterwards() {
        startWith(0, 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> committedOffsets.size() == 3);

        assertThat(producer.transactionInitialized()).isTrue();
        assertThat(producer.history()).hasSize(3).allSatisfy(record -> assertThat(record.topic()).isEqualTo("out"));
        assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
                .satisfies(offsets -> assertThat(offsets.values().iterator().next())
                        .containsEntry(INPUT, new OffsetAndMetadata(3)));
        assertThat(metrics.get("fastship_transactions_total").tag("outcome", "committed").counter().count())
                .isEqualTo(1);
    }

    @Test
    void abortsRewindsAndProcessesTheSameRecordsAgainAfterAFailure() {
        startWith(1, 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> committedOffsets.size() == 2);

        assertThat(processedOffsets).containsExactly(0L, 1L, 0L, 1L);
        assertThat(committedOffsets).containsExactly(0L, 1L);
        assertThat(producer.history()).hasSize(2);
        assertThat(metrics.get("fastship_transactions_total").tag("outcome", "aborted").counter().count())
                .isEqualTo(1);
        assertThat(loop.state()).isEqualTo(LoopState.RUNNING);
    }

    @Test
    void stopsAsFailedWhenFencedByANewerInstance() {
        fenceOnCall = 1;
        startWith(0, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> loop.state() == LoopState.FAILED);

        assertThat(committedOffsets).isEmpty();
        assertThat(loop.failure()).hasStackTraceContaining("ProducerFenced");
    }

    @Test
    void perKeyRunsKeysOfOnePartitionConcurrentlyAndEachKeyInOffsetOrder() {
        // Every key's first record waits until all four keys are in flight at once: only concurrency gets past.
        CountDownLatch allInFlight = new CountDownLatch(4);
        List<String> perKeyOrder = new CopyOnWriteArrayList<>();
        TaskProcessor processor = batch -> {
            allInFlight.countDown();
            if (!allInFlight.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("keys of one partition did not run concurrently");
            }
            batch.records().forEach(record -> perKeyOrder.add(record.key() + "@" + record.offset()));
            return echo(batch);
        };
        String[] keys = {"a", "b", "c", "d", "a", "b"};
        startPerKey(processor, 4, Clock.systemUTC(), keys);

        await().atMost(Duration.ofSeconds(10)).until(() -> committedOffsets.size() == keys.length);

        assertThat(perKeyOrder.stream().filter(entry -> entry.startsWith("a@")).toList()).containsExactly("a@0", "a@4");
        assertThat(perKeyOrder.stream().filter(entry -> entry.startsWith("b@")).toList()).containsExactly("b@1", "b@5");
        assertThat(producer.history()).hasSize(keys.length);
        assertThat(producer.consumerGroupOffsetsHistory()).singleElement()
                .satisfies(offsets -> assertThat(offsets.values().iterator().next())
                        .containsEntry(INPUT, new OffsetAndMetadata(keys.length)));
    }

    @Test
    void perKeyCommitsTheFinishedPrefixAtTheDeadlineAndPollsTheRestAgain() {
        // Sequential (one thread), so the order is fixed: a@0+a@2 and b@1 must run (a needs b@1 committed), then
        // b moves the clock past the deadline, so c@3 and d@4 are left for the next poll.
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        TaskProcessor processor = batch -> {
            batch.records().forEach(record -> processedOffsets.add(record.offset()));
            if ("b".equals(batch.records().get(0).key())) {
                now.updateAndGet(instant -> instant.plus(Duration.ofMinutes(1)));
                // The double drops polled records; a broker would serve them again from the rewound position.
                consumer.schedulePollTask(() -> {
                    consumer.addRecord(new ConsumerRecord<>("in", 0, 3, "c", new byte[] {3}));
                    consumer.addRecord(new ConsumerRecord<>("in", 0, 4, "d", new byte[] {4}));
                });
            }
            return echo(batch);
        };
        startPerKey(processor, 1, clock, "a", "b", "a", "c", "d");

        await().atMost(Duration.ofSeconds(10)).until(() -> committedOffsets.size() == 5);

        assertThat(processedOffsets).containsExactly(0L, 2L, 1L, 3L, 4L);
        assertThat(producer.consumerGroupOffsetsHistory()).extracting(offsets -> offsets.values().iterator().next()
                .get(INPUT)).containsExactly(new OffsetAndMetadata(3), new OffsetAndMetadata(5));
        assertThat(producer.history()).hasSize(5);
    }

    private TaskResult echo(TaskBatch batch) {
        List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        batch.records().forEach(record -> outputs.add(new ProducerRecord<>("out", record.value())));
        return TaskResult.complete(batch, outputs,
                () -> batch.records().forEach(record -> committedOffsets.add(record.offset())));
    }

    private void startPerKey(TaskProcessor processor, int threads, Clock clock, String... keys) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(INPUT));
            consumer.updateBeginningOffsets(Map.of(INPUT, 0L));
            for (int i = 0; i < keys.length; i++) {
                consumer.addRecord(new ConsumerRecord<>("in", 0, i, keys[i], new byte[] {(byte) i}));
            }
        });
        LoopSettings settings = LoopSettings.defaults("test", List.of("in"), TaskGrouping.PER_KEY)
                .withParallelism(threads)
                .withFailureBackoff(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)));
        loop = new TransactionalLoop(settings, consumer, () -> producer, processor, metrics, clock).start();
    }
}
