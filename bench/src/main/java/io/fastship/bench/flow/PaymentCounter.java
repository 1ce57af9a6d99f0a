package io.fastship.bench.flow;

import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.bench.stats.Rates;

/**
 * Counts payment decisions (AUTHORIZED or DECLINED; refunds are compensation, not throughput) on the payments
 * topic since the last {@link #reset()}, with the first and last moment one was seen.
 */
public final class PaymentCounter implements TopicTail.Handler<PaymentEvent> {

    private long count;
    private long firstNanos;
    private long lastNanos;

    @Override
    public synchronized void seen(String orderId, PaymentEvent event, long seenNanos) {
        if (event.getStatus() == PaymentStatus.REFUNDED) {
            return;
        }
        if (count == 0) {
            firstNanos = seenNanos;
        }
        lastNanos = seenNanos;
        count++;
    }

    public synchronized void reset() {
        count = 0;
        firstNanos = 0;
        lastNanos = 0;
    }

    public synchronized long count() {
        return count;
    }

    /** Decisions per second between the first and the last one seen: the service's pace once it is busy. */
    public synchronized double perSecond() {
        return count < 2 ? 0 : Rates.perSecond(count - 1, lastNanos - firstNanos);
    }
}
