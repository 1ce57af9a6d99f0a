package io.fastship.inventory.order;

import java.time.Duration;
import java.util.List;

import io.fastship.events.OrderStatus;
import io.fastship.events.OrderStatusChanged;
import io.fastship.inventory.line.LineCommand;
import io.fastship.platform.state.ExpiryIndex;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets closed orders {@code STATE_RETENTION} after they closed: deletes their {@link OrderProgress} and sends
 * the SKU owners a {@link LineCommand.Kind#FORGET} per line, so the line reservations go too; every delete is a
 * tombstone in its changelog. Closed: REJECTED, RELEASED, CANCELLED_UNSEEN, or RESERVED once the order was
 * CONFIRMED (the units are sold; no cancellation can follow a final status). Nothing that holds stock for an open
 * order expires: PENDING never, RESERVED not before the confirmation.
 *
 * <p>The coordinator owns the order's life, so it decides when it ends; the SKU owners only learn it. Due against
 * the task's stream time (see the order service's {@code RetentionPurge} for why), bounded work per punctuation.
 */
public final class OrderExpiry {

    /** The expiry index of the coordinator. */
    public static final String STORE = "order-progress-expiry";
    static final int MAX_PURGES_PER_SCAN = 1_000;
    static final Duration SCAN_INTERVAL = Duration.ofSeconds(1);

    private final Duration retention;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, OrderProgress> progress;
    private ExpiryIndex expiry;

    public OrderExpiry(Duration retention) {
        this.retention = retention;
    }

    void init(ProcessorContext<String, Object> processorContext, KeyValueStore<String, OrderProgress> store) {
        context = processorContext;
        progress = store;
        expiry = new ExpiryIndex(context.getStateStore(STORE));
        context.schedule(SCAN_INTERVAL, PunctuationType.WALL_CLOCK_TIME, ignored -> purge());
    }

    /** An input was processed for {@code orderId}: schedules the order when it just closed. */
    void processed(String orderId, OrderProgress before, OrderProgress after, Object input) {
        boolean confirmedNow = input instanceof OrderStatusChanged change && change.getStatus() == OrderStatus.CONFIRMED
                && after != null && after.status() == OrderProgress.Status.RESERVED;
        if (confirmedNow || (!closedOnItsOwn(before) && closedOnItsOwn(after))) {
            expiry.schedule(orderId, Math.max(0, context.currentStreamTimeMs()) + retention.toMillis());
        }
    }

    private static boolean closedOnItsOwn(OrderProgress progress) {
        return progress != null && switch (progress.status()) {
            case REJECTED, RELEASED, CANCELLED_UNSEEN -> true;
            case PENDING, RESERVED -> false;
        };
    }

    private void purge() {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        expiry.purgeDue(streamTime, MAX_PURGES_PER_SCAN, orderId -> {
            OrderProgress order = progress.get(orderId);
            // Only closed orders are indexed, and they never reopen; PENDING would be a bug, so keep it.
            if (order == null || order.status() == OrderProgress.Status.PENDING) {
                return;
            }
            progress.delete(orderId);
            List<OrderProgress.Line> lines = order.lines();
            for (int i = 0; i < lines.size(); i++) {
                LineCommand forget = new LineCommand(LineCommand.Kind.FORGET, orderId, i, lines.get(i).sku(),
                        lines.get(i).quantity());
                context.forward(new Record<>(forget.sku(), (Object) forget, streamTime), OrderCoordinator.COMMANDS_SINK);
            }
        });
    }
}
