package io.fastship.bench.flow;

import io.fastship.bench.stats.Rates;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;

/**
 * Counts payment decisions (AUTHORIZED or DECLINED; refunds are compensation, not throughput) on the payments
 * topic since {@link #reset()}, and paces those seen after {@link #startWindow()}: the steady pace once every
 * instance has its partitions, without the start-up and rebalance before it.
 */
public final class PaymentCounter implements TopicTail.Handler<PaymentEvent> {

    private long total;
    private boolean windowOpen;
    private long windowCount;
    private long firstNanos;
    private long lastNanos;

    @Override
    public synchronized void seen(String orderId, PaymentEvent event, long seenNanos) {
        if (event.getStatus() == PaymentStatus.REFUNDED) {
            return;
        }
        total++;
        if (!windowOpen) {
            return;
        }
        if (windowCount == 0) {
            firstNanos = seenNanos;
        }
        lastNanos = seenNanos;
        windowCount++;
    }

    /** Forgets everything; the window is closed until {@link #startWindow()}. */
    public synchronized void reset() {
        total = 0;
        windowOpen = false;
        windowCount = 0;
        firstNanos = 0;
        lastNanos = 0;
    }

    public synchronized void startWindow() {
        windowOpen = true;
    }

    /** Decisions seen since {@link #reset()}, in or out of the window. */
    public synchronized long count() {
        return total;
    }

    /** Decisions seen in the window. */
    public synchronized long windowCount() {
        return windowCount;
    }

    /** Decisions per second between the first and the last one seen in the window. */
    public synchronized double perSecond() {
        return windowCount < 2 ? 0 : Rates.perSecond(windowCount - 1, lastNanos - firstNanos);
    }
}
