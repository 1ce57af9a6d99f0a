package io.fastship.payment;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.payment.gateway.Charge;
import io.fastship.payment.gateway.GatewayResponse;
import io.fastship.payment.gateway.GatewayRetrier;
import io.fastship.payment.gateway.GatewayUnavailableException;
import io.fastship.payment.gateway.PaymentGateway;
import io.fastship.payment.gateway.Refund;
import io.fastship.platform.deadletter.DeadLetter;
import io.fastship.platform.failure.FailureClassifier;
import io.fastship.platform.processing.TaskBatch;
import io.fastship.platform.processing.TaskProcessor;
import io.fastship.platform.processing.TaskResult;
import io.fastship.platform.tracing.RecordObserver;
import io.fastship.platform.tracing.RecordScope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code OrderCreated} into a charge and a {@code PaymentEvent}, and a cancelled order's authorized
 * payment into a refund and a {@code REFUNDED} event — each exactly once.
 *
 * <p><b>Why exactly once holds.</b> Two things must not happen twice: moving money, and emitting an event.
 * Money: every gateway call carries the orderId as idempotency key, so a retry, a redelivery after a crash, or
 * a second instance asking again gets the first answer back (real gateways keep that key on their side; the
 * simulation keeps a ledger). Events: this class keeps, per order, the last {@code PaymentEvent} it emitted
 * ({@link PaymentOutcomes}), and writes every new outcome twice in the same Kafka transaction as the consumed
 * offsets — to the payments topic, and to a compacted changelog ({@code <group>.outcomes}) in the partition
 * with the same number as the input. A duplicate {@code OrderCreated} finds the order in that state and emits
 * nothing. Because state, output and offsets commit or abort together, the state never claims an event that
 * readers cannot see, nor misses one they can: after a crash the new owner of partition {@code n} restores
 * changelog partition {@code n} with {@code read_committed} and resumes from the committed offset.
 *
 * <p>Why a changelog rather than rebuilding from the payments topic: the payments topic is deleted after its
 * retention and partitioned by whoever writes it, while the changelog is compacted (one record per order, so a
 * restore reads each order once) and partitioned exactly like the input, so a partition's state is one
 * partition's read. It needs orders, order-status and the changelog co-partitioned (same partition count, the
 * service checks at start) and processed together (range assignor; tasks per partition number, or per order
 * within a partition number so orders are charged in parallel while each order's records stay in order).
 *
 * <p><b>Concurrency.</b> Tasks of different orders run at once. Each task stages into its own
 * {@link PaymentOutcomes.Stage} and reads only its own orders; the committed state is a concurrent map changed
 * only after commit, on the loop thread; the gateway, serdes and metrics are safe for concurrent use.
 *
 * <p><b>Compensation.</b> For a {@code CANCELLED} order whose payment this service authorized, refund and emit
 * {@code REFUNDED}; the state makes it once. If the cancellation arrives before the order was paid (this
 * instance lags), the order is closed with {@code DECLINED} "cancelled before payment", so the later
 * {@code OrderCreated} is a duplicate and the customer is never charged for a cancelled order.
 *
 * <p><b>Errors.</b> A record that can never be processed (not our Avro, unknown schema id, unreadable schema,
 * an invalid order) becomes a dead letter in the same transaction. Transient trouble (registry unreachable, a
 * refund the gateway cannot do now) is thrown, which aborts and re-polls the batch. A charge that keeps failing
 * transiently past the retry budget is declined with the reason.
 */
public final class PaymentProcessor implements TaskProcessor {

    private static final Logger log = LoggerFactory.getLogger(PaymentProcessor.class);

    private final PaymentTopics topics;
    private final Deserializer<OrderCreated> orders;
    private final Deserializer<OrderStatusChanged> statuses;
    private final Serializer<PaymentEvent> events;
    private final PaymentGateway gateway;
    private final GatewayRetrier retrier;
    private final PaymentOutcomes outcomes;
    private final OutcomeRestorer restorer;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private final RecordObserver observer;
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();

    public PaymentProcessor(PaymentTopics topics, Deserializer<OrderCreated> orders,
                            Deserializer<OrderStatusChanged> statuses, Serializer<PaymentEvent> events,
                            PaymentGateway gateway, GatewayRetrier retrier, PaymentOutcomes outcomes,
                            OutcomeRestorer restorer, PaymentMetrics metrics, Clock clock, RecordObserver observer) {
        this.topics = topics;
        this.orders = orders;
        this.statuses = statuses;
        this.events = events;
        this.gateway = gateway;
        this.retrier = retrier;
        this.outcomes = outcomes;
        this.restorer = restorer;
        this.metrics = metrics;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public void partitionsAssigned(Collection<TopicPartition> partitions) {
        owned.addAll(partitions);
        for (int partition : numbers(partitions)) {
            if (!outcomes.owns(partition)) {
                outcomes.restored(partition, restorer.restore(partition));
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

    @Override
    public TaskResult process(TaskBatch batch) {
        int partition = batch.records().get(0).partition();
        Work work = new Work(outcomes.stage(partition));
        int processed = 0;
        for (ConsumerRecord<String, byte[]> record : batch.records()) {
            // At least one record per batch, so a slow gateway still makes progress.
            if (processed > 0 && batch.shouldStop()) {
                break;
            }
            // One span per record (its parent comes from the record's headers); the orderId is the key.
            try (RecordScope scope = observer.process(record, record.key())) {
                work.scope = scope;
                try {
                    dispatch(record, work);
                } catch (RuntimeException e) {
                    scope.failed(e);
                    throw e;
                }
            }
            processed++;
        }
        return new TaskResult(work.outputs, processed, work::committed);
    }

    private void dispatch(ConsumerRecord<String, byte[]> record, Work work) {
        if (record.topic().equals(topics.orders().name())) {
            onOrderCreated(record, work);
        } else if (record.topic().equals(topics.orderStatus().name())) {
            onStatusChanged(record, work);
        } else {
            throw new IllegalStateException("not subscribed to " + record.topic());
        }
    }

    private void onOrderCreated(ConsumerRecord<String, byte[]> record, Work work) {
        Optional<OrderCreated> decoded = decode(record, orders, work);
        if (decoded.isEmpty()) {
            return;
        }
        OrderCreated order = decoded.get();
        String invalid = invalidReason(record, order);
        if (invalid != null) {
            work.deadLetter(record, DeadLetter.Stage.PROCESSING, new IllegalArgumentException(invalid));
            return;
        }
        String orderId = order.getOrderId();
        if (work.stage.get(orderId).isPresent()) {
            log.info("Order {} already has a payment outcome; duplicate OrderCreated at {}-{}@{} emits nothing",
                    orderId, record.topic(), record.partition(), record.offset());
            work.afterCommit.add(() -> metrics.duplicate("order_created"));
            return;
        }
        Charge charge = new Charge(orderId, order.getPaymentToken(), order.getTotalMinor(), order.getCurrency());
        GatewayRetrier.Attempts attempts = retrier.call(() -> gateway.authorize(charge));
        if (attempts.response().isEmpty()) {
            String reason = "payment gateway unavailable: gave up after " + attempts.attempts() + " attempt(s) in "
                    + attempts.elapsed().toMillis() + " ms (" + attempts.lastError().getMessage() + ")";
            work.emit(event(order, PaymentStatus.DECLINED, reason, null), "gateway_unavailable");
            return;
        }
        GatewayResponse response = attempts.response().get();
        if (response.outcome() == GatewayResponse.Outcome.AUTHORIZED) {
            work.emit(event(order, PaymentStatus.AUTHORIZED, null, response.reference()), null);
        } else {
            work.emit(event(order, PaymentStatus.DECLINED, response.reason(), response.reference()), "gateway");
        }
    }

    private void onStatusChanged(ConsumerRecord<String, byte[]> record, Work work) {
        Optional<OrderStatusChanged> decoded = decode(record, statuses, work);
        if (decoded.isEmpty() || decoded.get().getStatus() != OrderStatus.CANCELLED) {
            return;
        }
        OrderStatusChanged cancelled = decoded.get();
        String orderId = cancelled.getOrderId();
        Optional<PaymentEvent> known = work.stage.get(orderId);
        if (known.isEmpty()) {
            if (cancelled.getPaymentStatus() == PaymentStatus.AUTHORIZED) {
                work.deadLetter(record, DeadLetter.Stage.PROCESSING, new IllegalStateException("order " + orderId
                        + " is cancelled with an authorized payment that this service has no record of"));
                return;
            }
            // Cancelled before we got to the order: close it so the OrderCreated still to come charges nothing.
            work.emit(PaymentEvent.newBuilder().setEventId(eventId(orderId, PaymentStatus.DECLINED)).setOrderId(orderId)
                    .setStatus(PaymentStatus.DECLINED).setAmountMinor(0).setCurrency("XXX")
                    .setReason("order cancelled before payment was taken"
                            + (cancelled.getReason() == null ? "" : ": " + cancelled.getReason()))
                    .setGatewayReference(null).setOccurredAt(clock.instant()).build(), "order_cancelled");
            return;
        }
        PaymentEvent payment = known.get();
        if (payment.getStatus() != PaymentStatus.AUTHORIZED) {
            work.afterCommit.add(() -> metrics.duplicate("cancellation"));
            return;
        }
        Refund refund = new Refund(orderId, payment.getAmountMinor(), payment.getCurrency(),
                cancelled.getReason() == null ? "order cancelled" : cancelled.getReason());
        GatewayRetrier.Attempts attempts = retrier.call(() -> gateway.refund(refund));
        if (attempts.response().isEmpty()) {
            // A refund cannot be declined away: abort the batch and try again after the loop's backoff.
            throw new GatewayUnavailableException("refund of order " + orderId + " failed after "
                    + attempts.attempts() + " attempt(s)", attempts.lastError());
        }
        GatewayResponse response = attempts.response().get();
        if (response.outcome() != GatewayResponse.Outcome.REFUNDED) {
            work.deadLetter(record, DeadLetter.Stage.PROCESSING, new IllegalStateException("gateway refused the "
                    + "refund of order " + orderId + ": " + response.outcome() + " " + response.reason()));
            return;
        }
        work.emit(PaymentEvent.newBuilder(payment).setEventId(eventId(orderId, PaymentStatus.REFUNDED))
                .setStatus(PaymentStatus.REFUNDED).setReason(refund.reason())
                .setGatewayReference(response.reference()).setOccurredAt(clock.instant()).build(), null);
    }

    private <T> Optional<T> decode(ConsumerRecord<String, byte[]> record, Deserializer<T> deserializer, Work work) {
        if (record.value() == null) {
            work.deadLetter(record, DeadLetter.Stage.DESERIALIZATION,
                    new SerializationException("record has no value (tombstone)"));
            return Optional.empty();
        }
        try {
            return Optional.of(deserializer.deserialize(record.topic(), record.headers(), record.value()));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            work.deadLetter(record, DeadLetter.Stage.DESERIALIZATION, e);
            return Optional.empty();
        }
    }

    /** Registry unreachable, overloaded or refusing our credentials: not the record's fault, so retry it later. */
    static boolean isTransient(Throwable error) {
        return FailureClassifier.isTransient(error);
    }

    /** Null when the order can be charged; otherwise why it never can. */
    static String invalidReason(ConsumerRecord<String, byte[]> record, OrderCreated order) {
        if (order.getOrderId() == null || order.getOrderId().isBlank()) {
            return "orderId is blank";
        }
        if (!order.getOrderId().equals(record.key())) {
            return "record key '" + record.key() + "' is not the orderId '" + order.getOrderId() + "'";
        }
        if (order.getTotalMinor() < 0) {
            return "totalMinor is negative: " + order.getTotalMinor();
        }
        if (order.getCurrency() == null || !order.getCurrency().matches("[A-Z]{3}")) {
            return "currency is not an ISO-4217 code: '" + order.getCurrency() + "'";
        }
        return null;
    }

    private PaymentEvent event(OrderCreated order, PaymentStatus status, String reason, String reference) {
        return PaymentEvent.newBuilder().setEventId(eventId(order.getOrderId(), status)).setOrderId(order.getOrderId())
                .setStatus(status).setAmountMinor(order.getTotalMinor()).setCurrency(order.getCurrency())
                .setReason(reason).setGatewayReference(reference).setOccurredAt(clock.instant()).build();
    }

    /** The same order and outcome always get the same event id, so downstream can deduplicate on it too. */
    static String eventId(String orderId, PaymentStatus status) {
        return UUID.nameUUIDFromBytes(("payment:" + orderId + ":" + status).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(partition -> numbers.add(partition.partition()));
        return numbers;
    }

    /** The outputs and staged effects of one task. */
    private final class Work {

        private final PaymentOutcomes.Stage stage;
        private final List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        private RecordScope scope;

        private Work(PaymentOutcomes.Stage stage) {
            this.stage = stage;
        }

        /** Writes the event to the payments topic and to the changelog partition of this task, and stages it. */
        void emit(PaymentEvent event, String declineKind) {
            byte[] key = event.getOrderId().getBytes(StandardCharsets.UTF_8);
            String payments = topics.payments().name();
            String changelog = topics.outcomes().name();
            ProducerRecord<byte[], byte[]> published = new ProducerRecord<>(payments, key,
                    events.serialize(payments, event));
            scope.sent(payments, published.headers());
            outputs.add(published);
            outputs.add(new ProducerRecord<>(changelog, stage.partition(), key, events.serialize(changelog, event)));
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
                    .toRecord(topics.deadLetter(), topics.groupId(), clock.instant());
            scope.sent(topics.deadLetter(), letter.headers());
            outputs.add(letter);
            afterCommit.add(() -> metrics.deadLettered(failedAt.header()));
        }

        void committed() {
            stage.commit();
            afterCommit.forEach(Runnable::run);
        }
    }
}
