package io.fastship.platform.processing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll as one Kafka transaction: run the tasks, send the outputs of the tasks the settlement keeps and the
 * offsets of the committable prefixes, commit, then run the after-commit hooks.
 *
 * <p>What each failure leads to:
 * <ul>
 *   <li>before or during commit, an abortable error: abort (or replace a producer that cannot), rewind to the
 *       committed offsets, back off;</li>
 *   <li>a commit that keeps timing out ({@link CommitOutcomeUnknownException}): never abort, never rewind to
 *       the batch start. A new producer's {@code initTransactions} fences the old one and resolves the
 *       transaction (completes a prepared commit); then rewind to the committed offsets, which tell whether it
 *       committed, and rebuild the processor's state of those partitions, which may lack its changes;</li>
 *   <li>fatal errors ({@link ProducerErrors#FATAL}): thrown as {@link LoopFailedException}, the loop stops;</li>
 *   <li>an after-commit hook that throws: logged and counted, the batch stays committed (it is not polled again);
 *       the state of the task's partitions is rebuilt from the broker.</li>
 * </ul>
 */
final class BatchTransaction {

    private static final Logger log = LoggerFactory.getLogger(BatchTransaction.class);

    private final LoopSettings settings;
    private final Consumer<String, byte[]> consumer;
    private final LoopProducer producer;
    private final TaskRunner runner;
    private final Rewinder rewinder;
    private final TaskProcessor processor;
    private final LoopMetrics metrics;
    private final Clock clock;
    private final BooleanSupplier closed;
    private final Rewinder.Pause pause;
    private int consecutiveFailures;

    BatchTransaction(LoopSettings settings, Consumer<String, byte[]> consumer, LoopProducer producer,
                     TaskRunner runner, TaskProcessor processor, LoopMetrics metrics, Clock clock,
                     BooleanSupplier closed, Rewinder.Pause pause) {
        this.settings = settings;
        this.consumer = consumer;
        this.producer = producer;
        this.runner = runner;
        this.processor = processor;
        this.metrics = metrics;
        this.clock = clock;
        this.closed = closed;
        this.pause = pause;
        this.rewinder = new Rewinder(consumer, settings.name(), settings.batchTimeout(), settings.failureBackoff());
    }

    void process(ConsumerRecords<String, byte[]> records) {
        Instant started = clock.instant();
        Instant deadline = started.plus(settings.batchDeadline());
        BooleanSupplier pastDeadline = () -> closed.getAsBoolean() || clock.instant().isAfter(deadline);
        TaskPlan plan = TaskPlan.of(records, settings.grouping(), settings.topics());
        List<TaskBatch> tasks = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> taskRecords : plan.tasks()) {
            tasks.add(new TaskBatch(settings.grouping().taskOf(taskRecords.get(0)), taskRecords, pastDeadline));
        }
        List<TaskResult> results;
        BatchSettlement settlement;
        try {
            producer.begin();
            results = runner.run(tasks, plan.mustRun(), pastDeadline);
            List<Integer> processed = new ArrayList<>(results.size());
            results.forEach(result -> processed.add(result.processed()));
            settlement = BatchSettlement.of(plan.tasks(), processed);
            for (int i = 0; i < results.size(); i++) {
                if (settlement.kept().get(i)) {
                    for (ProducerRecord<byte[], byte[]> output : results.get(i).outputs()) {
                        producer.send(output);
                    }
                }
            }
            if (!settlement.commit().isEmpty()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                settlement.commit().forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
                producer.sendOffsets(offsets, consumer.groupMetadata());
            }
            producer.commit(settings.batchTimeout());
        } catch (CommitOutcomeUnknownException e) {
            resolveUnknownCommit(e, records);
            return;
        } catch (Exception e) {
            abortAndRewind(e, records);
            return;
        }
        metrics.committed.increment();
        consecutiveFailures = 0;
        afterCommit(tasks, results, settlement);
        // Records not started (or not committable) before the deadline are polled again, after the committed ones.
        settlement.rewind().forEach(this::seekIfOwned);
        log.debug("Loop {} committed {} task(s) from {} record(s) of {} partition(s) in {}", settings.name(),
                settlement.kept().stream().filter(Boolean::booleanValue).count(), records.count(),
                records.partitions().size(), Duration.between(started, clock.instant()));
    }

    private void abortAndRewind(Exception error, ConsumerRecords<String, byte[]> records) {
        ProducerErrors kind = ProducerErrors.classify(error);
        if (kind == ProducerErrors.FATAL) {
            throw new LoopFailedException("transaction of loop " + settings.name() + " failed fatally", error);
        }
        metrics.aborted.increment();
        consecutiveFailures++;
        log.warn("Loop {} aborts a batch of {} record(s) and will poll it again: {}", settings.name(),
                records.count(), error.toString());
        if (kind == ProducerErrors.RECREATE_PRODUCER) {
            producer.init();
        } else {
            producer.abortOrReplace();
        }
        rewinder.toCommitted(firstOffsets(records), closed, pause);
        pause.sleep(settings.failureBackoff().delay(consecutiveFailures));
    }

    private void resolveUnknownCommit(CommitOutcomeUnknownException error, ConsumerRecords<String, byte[]> records) {
        metrics.unknown.increment();
        consecutiveFailures++;
        log.warn("Loop {}: outcome of a commit unknown ({}); resolving it with a new producer", settings.name(),
                error.getCause().toString());
        producer.init();
        rewinder.toCommitted(firstOffsets(records), closed, pause);
        Set<TopicPartition> owned = new LinkedHashSet<>(records.partitions());
        owned.retainAll(consumer.assignment());
        if (!owned.isEmpty()) {
            processor.resync(owned);
        }
    }

    private void afterCommit(List<TaskBatch> tasks, List<TaskResult> results, BatchSettlement settlement) {
        Set<TopicPartition> stale = new LinkedHashSet<>();
        for (int i = 0; i < results.size(); i++) {
            if (!settlement.kept().get(i)) {
                continue;
            }
            try {
                results.get(i).onCommit().run();
            } catch (RuntimeException e) {
                metrics.hookFailures.increment();
                log.error("Loop {}: after-commit work of task {} failed; the batch stays committed, its state is "
                        + "restored from the broker", settings.name(), tasks.get(i).task(), e);
                tasks.get(i).records().forEach(record ->
                        stale.add(new TopicPartition(record.topic(), record.partition())));
            }
        }
        stale.retainAll(consumer.assignment());
        if (!stale.isEmpty()) {
            processor.resync(stale);
        }
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition, records.records(partition).get(0).offset());
        }
        return first;
    }

    private void seekIfOwned(TopicPartition partition, long offset) {
        if (consumer.assignment().contains(partition)) {
            consumer.seek(partition, offset);
        }
    }
}
