package io.fastship.order.view;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.fastship.events.InventoryEvent;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.events.PaymentEvent;
import io.fastship.platform.logging.LogContext;
import io.fastship.platform.state.DueCursor;
import io.fastship.platform.tracing.Tracing;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds the three input streams of one order (they share key and partition) into its view with {@link OrderSaga},
 * keeps the deadline index in step, forwards the status events, and cancels due orders. Deadlines are enforced
 * up to the time both outcome inputs have been read (see {@link DeadlineClock} for why), checked for the order of
 * each record before it is folded in, as stream time advances, and on a wall-clock punctuator that also covers idle
 * inputs.
 */
final class OrderSagaProcessor implements Processor<String, SpecificRecord, String, OrderStatusChanged> {

    private static final Logger log = LoggerFactory.getLogger(OrderSagaProcessor.class);
    /** Due orders handled per punctuation, so one scan never holds the task for long; the rest wait a tick. */
    static final int MAX_EXPIRIES_PER_SCAN = 1_000;
    /**
     * An outcome input quiet this long while the task runs counts as caught up (the idle fallback of
     * {@link DeadlineClock}). Long, because quiet is not always caught up: on the fault suite's cluster a transaction
     * held open by a broker failover kept an outcome partition unreadable for tens of seconds (10 s cancelled orders
     * whose outcomes had been appended in time). The price: with an outcome service down, its orders time out this
     * long after their deadline.
     */
    static final Duration IDLE_GRACE = Duration.ofSeconds(45);

    private final OrderSaga saga;
    private final Duration scanInterval;
    private final OrderViewListener listener;
    private final List<String> outcomeTopics;
    private final RetentionPurge retention;
    private final DueCursor deadlineCursor = new DueCursor();
    private ProcessorContext<String, OrderStatusChanged> context;
    private KeyValueStore<String, OrderView> views;
    private KeyValueStore<String, String> deadlines;
    private DeadlineClock clock;
    /** Reading the outcome inputs past this time triggers the next full scan of the deadline index. */
    private long nextScanAt = DeadlineClock.UNKNOWN;

    /** @param outcomeTopics the inputs whose progress bounds the deadline: payments and inventory */
    OrderSagaProcessor(OrderSaga saga, Duration scanInterval, OrderViewListener listener, RetentionPurge retention,
                       List<String> outcomeTopics) {
        this.saga = saga;
        this.scanInterval = scanInterval;
        this.listener = listener;
        this.retention = retention;
        this.outcomeTopics = List.copyOf(outcomeTopics);
    }

    @Override
    public void init(ProcessorContext<String, OrderStatusChanged> processorContext) {
        context = processorContext;
        views = context.getStateStore(OrderTopology.VIEWS);
        deadlines = context.getStateStore(OrderTopology.DEADLINES);
        clock = new DeadlineClock(outcomeTopics, IDLE_GRACE, stallThreshold(scanInterval), context.currentSystemTimeMs());
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, wall -> {
            clock.wallClockTick(wall);
            expireDue(wall);
        });
        retention.init(context, scanInterval);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        if (event == null) {
            return;
        }
        String orderId = record.key();
        String claimed = orderIdOf(event);
        if (orderId == null || !orderId.equals(claimed)) {
            // Thrown, not skipped: the platform's handler dead-letters the record with this reason.
            throw new IllegalArgumentException("record key '" + orderId + "' does not match orderId '" + claimed
                    + "' of " + event.getSchema().getName());
        }
        long wall = context.currentSystemTimeMs();
        context.recordMetadata().ifPresent(meta -> clock.recordProcessed(meta.topic(), record.timestamp(), wall));
        // Before the record is folded in: an outcome read after its order's deadline provably passed is late, the
        // timeout comes first. A full scan whenever the inputs were read a scan interval further, else this order.
        long upTo = clock.enforceableUpTo(wall);
        if (upTo != DeadlineClock.UNKNOWN && upTo >= nextScanAt) {
            expireDue(wall);
        } else {
            expireDue(List.of(KeyValue.pair(null, DeadlineIndex.value(orderId, Optional.empty()))), wall);
        }
        OrderView current = currentView(orderId);
        Instant now = Instant.ofEpochMilli(wall);
        OrderSaga.Step step;
        if (event instanceof OrderCreated created) {
            step = saga.onCreated(current, created, now);
        } else if (event instanceof PaymentEvent payment) {
            step = saga.onPayment(current, payment, now);
        } else if (event instanceof InventoryEvent inventory) {
            step = saga.onInventory(current, inventory, now);
        } else {
            throw new IllegalArgumentException("unexpected event type " + event.getSchema().getFullName());
        }
        if (!step.changed()) {
            log.debug("Order {}: {} changed nothing (duplicate or late)", orderId, event.getSchema().getName());
        }
        apply(current, step, now, new RecordHeaders());
    }

    /** Three missed ticks, and at least two seconds, is not jitter: the task was not running. */
    static Duration stallThreshold(Duration scanInterval) {
        Duration threeTicks = scanInterval.multipliedBy(3);
        return threeTicks.compareTo(Duration.ofSeconds(2)) > 0 ? threeTicks : Duration.ofSeconds(2);
    }

    private void expireDue(long wallClockMillis) {
        long upTo = clock.enforceableUpTo(wallClockMillis);
        if (upTo == DeadlineClock.UNKNOWN) {
            return;
        }
        // From where the last scan ended: every entry it read is deleted below, and RocksDB would step over their
        // tombstones again on every scan until compaction: the cost of a scan grew with every order closed.
        List<KeyValue<String, String>> due = deadlineCursor.takeDue(deadlines, upTo, MAX_EXPIRIES_PER_SCAN);
        nextScanAt = upTo + scanInterval.toMillis();
        expireDue(due, wallClockMillis);
    }

    /** Times out those of {@code due} (deadline index entries; a null key is not in the index) that are due. */
    private void expireDue(List<KeyValue<String, String>> due, long wallClockMillis) {
        long upTo = clock.enforceableUpTo(wallClockMillis);
        if (upTo == DeadlineClock.UNKNOWN) {
            return;
        }
        Instant enforceable = Instant.ofEpochMilli(upTo);
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        for (KeyValue<String, String> entry : due) {
            OrderView current = currentView(DeadlineIndex.orderIdOf(entry.value));
            OrderSaga.Step step = saga.onDeadline(current, enforceable, now);
            if (step.changed()) {
                // No input record here: the cancellation continues the trace the order's entry remembers.
                Optional<String> traceparent = DeadlineIndex.traceparentOf(entry.value);
                Headers headers = new RecordHeaders();
                traceparent.ifPresent(parent -> headers.add(Tracing.TRACEPARENT, parent.getBytes(StandardCharsets.UTF_8)));
                try (LogContext logs = LogContext.of(current.orderId(), traceparent.flatMap(Tracing::traceIdOf))) {
                    log.info("Order {} timed out after its deadline {} (outcome inputs read up to {})",
                            current.orderId(), current.deadlineAt(), enforceable);
                    apply(current, step, now, headers);
                }
            } else if (entry.key != null) {
                // The order was decided or re-indexed since; the entry is stale.
                deadlines.delete(entry.key);
            }
        }
    }

    private OrderView currentView(String orderId) {
        OrderView stored = views.get(orderId);
        return stored == null ? OrderView.empty(orderId) : stored;
    }

    private void apply(OrderView before, OrderSaga.Step step, Instant now, Headers headers) {
        if (!step.changed()) {
            return;
        }
        OrderView after = step.view();
        views.put(after.orderId(), after);
        retention.changed(before, after);
        boolean wasPending = before.status() == OrderStatus.PENDING;
        boolean isPending = after.status() == OrderStatus.PENDING;
        if (!wasPending && isPending) {
            deadlines.put(DeadlineIndex.key(after.deadlineAt(), after.orderId()),
                    DeadlineIndex.value(after.orderId(), Tracing.currentTraceparent()));
            deadlineCursor.added(after.deadlineAt().toEpochMilli());
        } else if (wasPending && !isPending) {
            deadlines.delete(DeadlineIndex.key(before.deadlineAt(), before.orderId()));
        }
        for (StatusEmission emission : step.emissions()) {
            context.forward(new Record<>(after.orderId(), toEvent(after.orderId(), emission, now), now.toEpochMilli(),
                    headers));
        }
        listener.changed(after, step.emissions());
    }

    static OrderStatusChanged toEvent(String orderId, StatusEmission emission, Instant now) {
        return OrderStatusChanged.newBuilder()
                .setEventId(eventId(orderId, emission.version()))
                .setOrderId(orderId)
                .setStatus(emission.status())
                .setReason(emission.reason())
                .setPaymentStatus(emission.paymentStatus())
                .setInventoryStatus(emission.inventoryStatus())
                .setOccurredAt(now)
                .build();
    }

    /** The same id for the same emission of the same order, even if a crash makes Streams compute it twice. */
    static String eventId(String orderId, long version) {
        return UUID.nameUUIDFromBytes(("fastship-order-status:" + orderId + ":" + version)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String orderIdOf(SpecificRecord event) {
        if (event instanceof OrderCreated created) {
            return created.getOrderId();
        }
        if (event instanceof PaymentEvent payment) {
            return payment.getOrderId();
        }
        if (event instanceof InventoryEvent inventory) {
            return inventory.getOrderId();
        }
        return null;
    }
}
