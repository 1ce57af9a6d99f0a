package io.fastship.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.fastship.events.PaymentEvent;
import io.fastship.platform.deadletter.DeadLetter;
import io.fastship.platform.processing.TaskBatch;
import io.fastship.platform.tracing.RecordScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outputs and staged effects of one task: what its transaction writes, and what to apply once it commits. */
final class PaymentWork {

    private static final Logger log = LoggerFactory.getLogger(PaymentWork.class);

    final PaymentOutcomes.Stage stage;
    final TaskBatch batch;
    private final PaymentCodecs codecs;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private final List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private RecordScope scope;

    PaymentWork(PaymentOutcomes.Stage stage, TaskBatch batch, PaymentCodecs codecs, PaymentMetrics metrics,
                Clock clock) {
        this.stage = stage;
        this.batch = batch;
        this.codecs = codecs;
        this.metrics = metrics;
        this.clock = clock;
    }

    void scope(RecordScope current) {
        this.scope = current;
    }

    /** Writes the event to the payments topic and to the changelog partition of this task, and stages it. */
    void emit(PaymentEvent event, String declineKind) {
        byte[] key = event.getOrderId().getBytes(StandardCharsets.UTF_8);
        String payments = codecs.topics().payments().name();
        String changelog = codecs.topics().outcomes().name();
        ProducerRecord<byte[], byte[]> published = new ProducerRecord<>(payments, key,
                codecs.events().serialize(payments, event));
        scope.sent(payments, published.headers());
        outputs.add(published);
        outputs.add(new ProducerRecord<>(changelog, stage.partition(), key, codecs.events().serialize(changelog, event)));
        stage.put(event);
        String status = event.getStatus().name();
        afterCommit.add(() -> {
            metrics.processed(status);
            if (declineKind != null) {
                metrics.declined(declineKind);
            }
        });
    }

    void deadLetter(ConsumerRecord<String, byte[]> record, DeadLetter.Stage failedAt, Exception error) {
        log.warn("Dead-lettering {}-{}@{} ({}): {}", record.topic(), record.partition(), record.offset(),
                failedAt.header(), error.toString());
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> letter = new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.timestamp(), key, record.value(), record.headers(), failedAt, error)
                .toRecord(codecs.topics().deadLetter(), codecs.topics().groupId(), clock.instant());
        scope.sent(codecs.topics().deadLetter(), letter.headers());
        outputs.add(letter);
        afterCommit.add(() -> metrics.deadLettered(failedAt.header()));
    }

    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<ProducerRecord<byte[], byte[]>> outputs() {
        return outputs;
    }

    void committed() {
        stage.commit();
        afterCommit.forEach(Runnable::run);
    }
}
