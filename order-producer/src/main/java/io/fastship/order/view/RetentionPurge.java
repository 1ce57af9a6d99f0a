package io.fastship.order.view;

import java.time.Duration;

import io.fastship.events.OrderStatus;
import io.fastship.platform.state.ExpiryIndex;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Deletes the views of closed orders {@code STATE_RETENTION} after their last change, with their deadline index
 * leftovers; deletes are tombstones in the changelogs, so those compact too. Closed means not PENDING: final, or
 * an orphan (outcomes whose {@code OrderCreated} never came). A PENDING order is never deleted: it closes at its
 * deadline at the latest and is indexed then.
 *
 * <p>Due against the task's stream time, not the wall clock: after a pause or a backlog the stream time moves only
 * as fast as the inputs are read, so a view is never deleted while events it could still receive wait unread.
 * An idle task keeps its views until input resumes. Work per punctuation is bounded like the deadline scan's.
 */
final class RetentionPurge {

    /** Views deleted per punctuation at most. */
    static final int MAX_PURGES_PER_SCAN = 1_000;

    private final Duration retention;
    private KeyValueStore<String, OrderView> views;
    private KeyValueStore<String, String> deadlines;
    private ExpiryIndex expiry;
    private ProcessorContext<?, ?> context;

    RetentionPurge(Duration retention) {
        this.retention = retention;
    }

    void init(ProcessorContext<?, ?> processorContext, Duration scanInterval) {
        context = processorContext;
        views = context.getStateStore(OrderTopology.VIEWS);
        deadlines = context.getStateStore(OrderTopology.DEADLINES);
        expiry = new ExpiryIndex(context.getStateStore(OrderTopology.EXPIRY));
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, ignored -> purge());
    }

    /** A view was stored; one that just closed (or is new and not an order yet) gets an expiry. */
    void changed(OrderView before, OrderView after) {
        boolean wasIndexed = before.updatedAt() != null && before.status() != OrderStatus.PENDING;
        if (!wasIndexed && after.status() != OrderStatus.PENDING && after.updatedAt() != null) {
            expiry.schedule(after.orderId(), dueAt(after));
        }
    }

    private void purge() {
        long streamTime = context.currentStreamTimeMs();
        if (streamTime < 0) {
            return;
        }
        expiry.purgeDue(streamTime, MAX_PURGES_PER_SCAN, orderId -> {
            OrderView view = views.get(orderId);
            if (view == null || view.status() == OrderStatus.PENDING) {
                return; // Reopened (an orphan whose order came): indexed again when it closes.
            }
            long due = dueAt(view);
            if (due > streamTime) {
                expiry.schedule(orderId, due); // Changed since it was indexed.
                return;
            }
            views.delete(orderId);
            if (view.deadlineAt() != null) {
                deadlines.delete(DeadlineIndex.key(view.deadlineAt(), orderId));
            }
        });
    }

    private long dueAt(OrderView view) {
        return view.updatedAt().plus(retention).toEpochMilli();
    }
}
