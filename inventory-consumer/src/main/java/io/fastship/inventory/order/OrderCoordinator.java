package io.fastship.inventory.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.fastship.events.InventoryEvent;
import io.fastship.events.LineItem;
import io.fastship.events.LineOutcome;
import io.fastship.events.OrderCreated;
import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.inventory.line.LineCommand;
import io.fastship.inventory.line.LineResult;
import io.fastship.inventory.metrics.InventoryMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reservation of each order, keyed by orderId: splits a new order into one reserve command per line
 * (sent to the SKU's owner), gathers the answers, and decides all-or-nothing: RESERVED when every line is held,
 * otherwise REJECTED with release commands for the lines that were held. A cancelled RESERVED order gets its
 * stock released and a RELEASED event, once. An order cancelled while answers are still out has every line that
 * may be held released at once, answered or not: an answer can be lost (dead-lettered), and a release that
 * reaches the SKU's owner before the reserve makes that reserve a no-op, so nothing stays held whatever arrives
 * later. Everything an input causes is written in one transaction.
 */
public final class OrderCoordinator implements Processor<String, Object, String, Object> {

    /** Store of {@link OrderProgress} by orderId. */
    public static final String STORE = "order-progress";
    /** Child (sink) name for line commands, keyed by SKU. */
    public static final String COMMANDS_SINK = "line-commands-sink";
    /** Child (sink) name for the public inventory events, keyed by orderId. */
    public static final String EVENTS_SINK = "inventory-sink";

    private static final Logger log = LoggerFactory.getLogger(OrderCoordinator.class);

    private final InventoryMetrics metrics;
    private final OrderExpiry expiry;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, OrderProgress> store;

    /** A coordinator that keeps every order (no expiry store needed). */
    public OrderCoordinator(InventoryMetrics metrics) {
        this(metrics, null);
    }

    /** A coordinator that forgets closed orders with {@code expiry} (null: never). */
    public OrderCoordinator(InventoryMetrics metrics, OrderExpiry expiry) {
        this.metrics = metrics;
        this.expiry = expiry;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        if (expiry != null) {
            expiry.init(context, store);
        }
    }

    @Override
    public void process(Record<String, Object> record) {
        OrderProgress before = expiry == null || record.key() == null ? null : store.get(record.key());
        handle(record);
        if (expiry != null && record.key() != null) {
            expiry.processed(record.key(), before, store.get(record.key()), record.value());
        }
    }

    private void handle(Record<String, Object> record) {
        if (record.value() instanceof OrderCreated order) {
            onOrder(record, order);
        } else if (record.value() instanceof LineResult result) {
            onLineResult(record, result);
        } else if (record.value() instanceof OrderStatusChanged change) {
            onStatus(record, change);
        } else {
            throw new IllegalArgumentException("unexpected record "
                    + (record.value() == null ? "with no value" : "of type " + record.value().getClass().getName()));
        }
    }

    private void onOrder(Record<String, Object> record, OrderCreated order) {
        String orderId = order.getOrderId();
        requireKey(record, orderId);
        OrderProgress known = store.get(orderId);
        if (known != null && known.status() != OrderProgress.Status.CANCELLED_UNSEEN) {
            metrics.duplicate();
            log.debug("Order {} seen again; its reservation is already under way or decided", orderId);
            return;
        }
        List<OrderProgress.Line> lines = linesOf(order);
        if (known != null) {
            OrderProgress refused = new OrderProgress(OrderProgress.Status.REJECTED, lines, true, known.cancelReason());
            store.put(orderId, refused);
            emit(record, InventoryEvents.rejectedAfterCancellation(orderId, refused, now()));
            metrics.rejected();
            return;
        }
        store.put(orderId, OrderProgress.pending(lines));
        for (int i = 0; i < lines.size(); i++) {
            OrderProgress.Line line = lines.get(i);
            send(record, new LineCommand(LineCommand.Kind.RESERVE, orderId, i, line.sku(), line.quantity()));
        }
    }

    private void onLineResult(Record<String, Object> record, LineResult result) {
        String orderId = result.orderId();
        requireKey(record, orderId);
        OrderProgress progress = store.get(orderId);
        if (progress == null || result.line() < 0 || result.line() >= progress.lines().size()) {
            throw new IllegalStateException("answer for line " + result.line() + " of order " + orderId
                    + ", which has no such line");
        }
        OrderProgress.Line line = progress.lines().get(result.line());
        if (result.answers() == LineCommand.Kind.RELEASE) {
            store.put(orderId, progress.withLine(result.line(), line.givenBack()));
            return;
        }
        if (line.outcome() != null) {
            return;
        }
        progress = progress.withLine(result.line(), line.answered(result.outcome(), result.available()));
        if (progress.status() == OrderProgress.Status.PENDING && progress.allAnswered()) {
            progress = decide(record, orderId, progress);
        }
        store.put(orderId, progress);
    }

    private OrderProgress decide(Record<String, Object> record, String orderId, OrderProgress progress) {
        if (!progress.allReserved()) {
            if (!progress.cancelRequested()) {
                // A cancellation while pending released every line already (onStatus).
                releaseHeldLines(record, orderId, progress);
            }
            emit(record, InventoryEvents.rejected(orderId, progress, now()));
            metrics.rejected();
            return progress.with(OrderProgress.Status.REJECTED);
        }
        emit(record, InventoryEvents.reserved(orderId, progress, now()));
        metrics.reserved();
        if (progress.cancelRequested()) {
            // Its lines were released when the cancellation came; say so now that the reservation is complete.
            emit(record, InventoryEvents.released(orderId, progress, now()));
            metrics.released();
            return progress.with(OrderProgress.Status.RELEASED);
        }
        return progress.with(OrderProgress.Status.RESERVED);
    }

    private void onStatus(Record<String, Object> record, OrderStatusChanged change) {
        if (change.getStatus() != OrderStatus.CANCELLED) {
            return;
        }
        String orderId = change.getOrderId();
        requireKey(record, orderId);
        OrderProgress progress = store.get(orderId);
        if (progress == null) {
            store.put(orderId, OrderProgress.cancelledUnseen(change.getReason()));
        } else if (progress.status() == OrderProgress.Status.PENDING && !progress.cancelRequested()) {
            releaseEveryLineThatMayBeHeld(record, orderId, progress);
            store.put(orderId, progress.withCancelRequest(change.getReason()));
        } else if (progress.status() == OrderProgress.Status.RESERVED) {
            store.put(orderId, release(record, orderId, progress.withCancelRequest(change.getReason())));
        }
        // REJECTED holds nothing; RELEASED was released already: a repeated cancellation changes nothing.
    }

    private OrderProgress release(Record<String, Object> record, String orderId, OrderProgress progress) {
        releaseHeldLines(record, orderId, progress);
        emit(record, InventoryEvents.released(orderId, progress, now()));
        metrics.released();
        return progress.with(OrderProgress.Status.RELEASED);
    }

    private void releaseHeldLines(Record<String, Object> record, String orderId, OrderProgress progress) {
        for (int i = 0; i < progress.lines().size(); i++) {
            OrderProgress.Line line = progress.lines().get(i);
            if (line.outcome() == LineOutcome.RESERVED) {
                send(record, new LineCommand(LineCommand.Kind.RELEASE, orderId, i, line.sku(), line.quantity()));
            }
        }
    }

    /** Reserved lines and lines not answered yet; a line refused by its owner holds nothing. */
    private void releaseEveryLineThatMayBeHeld(Record<String, Object> record, String orderId, OrderProgress progress) {
        for (int i = 0; i < progress.lines().size(); i++) {
            OrderProgress.Line line = progress.lines().get(i);
            if (line.outcome() == null || line.outcome() == LineOutcome.RESERVED) {
                send(record, new LineCommand(LineCommand.Kind.RELEASE, orderId, i, line.sku(), line.quantity()));
            }
        }
    }

    private void send(Record<String, Object> cause, LineCommand command) {
        context.forward(cause.withKey(command.sku()).withValue(command), COMMANDS_SINK);
    }

    private void emit(Record<String, Object> cause, InventoryEvent event) {
        context.forward(cause.withKey(event.getOrderId()).withValue(event), EVENTS_SINK);
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }

    /** Validated before anything is stored, so a malformed order is dead-lettered without side effects. */
    private static List<OrderProgress.Line> linesOf(OrderCreated order) {
        List<LineItem> items = order.getItems();
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("order " + order.getOrderId() + " has no lines");
        }
        List<OrderProgress.Line> lines = new ArrayList<>(items.size());
        for (LineItem item : items) {
            if (item.getSku() == null || item.getSku().isBlank()) {
                throw new IllegalArgumentException("order " + order.getOrderId() + " has a line without SKU");
            }
            if (item.getQuantity() < 1) {
                throw new IllegalArgumentException("order " + order.getOrderId() + " asks for " + item.getQuantity()
                        + " units of " + item.getSku());
            }
            lines.add(new OrderProgress.Line(item.getSku(), item.getQuantity(), null, null, false));
        }
        return lines;
    }

    private static void requireKey(Record<String, Object> record, String orderId) {
        // The key decides the partition and so the coordinator; a mismatch would split an order's state.
        if (!orderId.equals(record.key())) {
            throw new IllegalArgumentException("record key '" + record.key() + "' is not its orderId '" + orderId + "'");
        }
    }
}
