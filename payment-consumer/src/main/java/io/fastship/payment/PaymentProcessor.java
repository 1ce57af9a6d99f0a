package io.fastship.payment;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.fastship.payment.gateway.GatewayDecisions;
import io.fastship.platform.processing.TaskBatch;
import io.fastship.platform.processing.TaskProcessor;
import io.fastship.platform.processing.TaskResult;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.RecordScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns {@code OrderCreated} into a charge and a {@code PaymentEvent} ({@link ChargeStep}), and a cancelled
 * order's payment into a refund ({@link CancellationStep}) — each exactly once.
 *
 * <p><b>Why exactly once holds.</b> Two things must not happen twice: moving money, and emitting an event.
 * Money: every gateway call carries an idempotency key derived from the orderId, so a retry, a redelivery after a
 * crash, or a second instance asking again gets the first answer back; after a call whose outcome is unknown the
 * charge is looked up by that key before anything is decided ({@link GatewayDecisions}). Events: this class keeps,
 * per order, the last {@code PaymentEvent} it emitted ({@link PaymentOutcomes}), and writes every new outcome twice
 * in the same Kafka transaction as the consumed offsets — to the payments topic, and to a compacted changelog
 * ({@code <group>.outcomes}) in the partition with the same number as the input. A duplicate {@code OrderCreated}
 * finds the order in that state and emits nothing. After a crash the new owner of partition {@code n} restores
 * changelog partition {@code n} ({@link OutcomeRestorer}) and resumes from the committed offset.
 *
 * <p>Why a changelog rather than rebuilding from the payments topic: the payments topic is deleted after its
 * retention and partitioned by whoever writes it, while the changelog is compacted and partitioned exactly like
 * the input. It needs orders, order-status and the changelog co-partitioned (the service checks at start) and
 * processed together (range assignor; tasks per partition number, or per order within a partition number).
 *
 * <p><b>Waiting.</b> A record the gateway cannot answer for yet ({@link PaymentStep#WAIT}) ends its task's work
 * for this batch: the records before it commit, it and the ones after are polled again. The gateway calls stop
 * retrying at the batch deadline, so a slow or absent gateway never makes a batch run into its hard timeout.
 *
 * <p><b>Concurrency.</b> Tasks of different orders run at once. Each task stages into its own
 * {@link PaymentOutcomes.Stage} and reads only its own orders; the committed state changes only after commit, on
 * the loop thread; the gateway, serdes and metrics are safe for concurrent use.
 */
public final class PaymentProcessor implements TaskProcessor {

    private final PaymentCodecs codecs;
    private final PaymentOutcomes outcomes;
    private final OutcomeRestorer restorer;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private final RecordObserver observer;
    private final ChargeStep charges;
    private final CancellationStep cancellations;
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

    public PaymentProcessor(PaymentCodecs codecs, GatewayDecisions gateway, PaymentOutcomes outcomes,
                            OutcomeRestorer restorer, PaymentMetrics metrics, Clock clock, RecordObserver observer) {
        this.codecs = codecs;
        this.outcomes = outcomes;
        this.restorer = restorer;
        this.metrics = metrics;
        this.clock = clock;
        this.observer = observer;
        PaymentEvents events = new PaymentEvents(clock);
        this.charges = new ChargeStep(codecs, gateway, events, metrics);
        this.cancellations = new CancellationStep(codecs, gateway, events, metrics);
    }

    @Override
    public void partitionsAssigned(Collection<TopicPartition> partitions) {
        owned.addAll(partitions);
        for (int partition : numbers(partitions)) {
            if (!outcomes.owns(partition)) {
                outcomes.restore(partition, loader -> restorer.restore(partition, loader));
            }
        }
    }

    @Override
    public void partitionsRevoked(Collection<TopicPartition> partitions) {
        owned.removeAll(partitions);
        Set<Integer> stillOwned = numbers(owned);
        for (int partition : numbers(partitions)) {
            if (!stillOwned.contains(partition)) {
                outcomes.drop(partition);
            }
        }
    }

    /** The state of these partition numbers may lack committed outcomes: read it again from the changelog. */
    @Override
    public void resync(Collection<TopicPartition> partitions) {
        for (int partition : numbers(partitions)) {
            outcomes.drop(partition);
            outcomes.restore(partition, loader -> restorer.restore(partition, loader));
        }
    }

    @Override
    public TaskResult process(TaskBatch batch) {
        int partition = batch.records().get(0).partition();
        PaymentWork work = new PaymentWork(outcomes.stage(partition), batch, codecs, metrics, clock);
        int processed = 0;
        for (ConsumerRecord<String, byte[]> record : batch.records()) {
            // At least one record per batch, so a slow gateway still makes progress.
            if (processed > 0 && batch.shouldStop()) {
                break;
            }
            // One span per record (its parent comes from the record's headers); the orderId is the key.
            PaymentStep step;
            try (RecordScope scope = observer.process(record, record.key())) {
                work.scope(scope);
                try {
                    step = dispatch(record, work);
                } catch (RuntimeException e) {
                    scope.failed(e);
                    throw e;
                }
            }
            if (step == PaymentStep.WAIT) {
                break;
            }
            processed++;
        }
        return new TaskResult(work.outputs(), processed, work::committed);
    }

    private PaymentStep dispatch(ConsumerRecord<String, byte[]> record, PaymentWork work) {
        if (record.topic().equals(codecs.topics().orders().name())) {
            return charges.handle(record, work);
        }
        if (record.topic().equals(codecs.topics().orderStatus().name())) {
            return cancellations.handle(record, work);
        }
        throw new IllegalStateException("not subscribed to " + record.topic());
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        return numbers;
    }
}
