package io.fastship.order.intake;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Admission control: the orders this instance accepted that have no committed final status yet, and whether one
 * more may be accepted. Accepting orders faster than the pipeline finishes them only moves the failure: a burst the
 * flow cannot finish within the order deadline is cancelled for timeout after the client was told 202. So a new
 * order is refused (503) while the open orders exceed what the pipeline finished over the last seconds times half
 * the deadline, i.e. while a new order would likely wait in the backlog for more than half its deadline.
 */
public final class OpenOrders {

    /** Open orders always allowed, whatever the recent finish rate (a cold or idle pipeline finished nothing yet). */
    static final int FLOOR = 2_000;
    private static final int WINDOW_SECONDS = 10;

    private final ConcurrentHashMap<String, Long> openSince = new ConcurrentHashMap<>();
    private final FinishRate finished = new FinishRate(WINDOW_SECONDS);
    private final LongSupplier clockMillis;
    private final Duration deadline;
    private final int maxOpen;
    private volatile long lastSweep;

    /**
     * @param deadline the saga's order deadline: an order open for twice as long missed its final status here
     *                 (it was finished while this reader was away) and stops counting
     * @param maxOpen  hard bound on the open orders (and the memory they take); 0 turns admission control off
     */
    public OpenOrders(Duration deadline, int maxOpen, LongSupplier clockMillis) {
        this.deadline = deadline;
        this.maxOpen = maxOpen;
        this.clockMillis = clockMillis;
        this.lastSweep = clockMillis.getAsLong();
    }

    /** Empty when one more order may be accepted now, else the seconds the client should wait before retrying. */
    public OptionalLong refusal() {
        if (maxOpen == 0) {
            return OptionalLong.empty();
        }
        long now = clockMillis.getAsLong();
        sweep(now);
        double perSecond = finished.perSecond(now);
        long limit = limit(perSecond);
        int open = openSince.size();
        if (open < limit) {
            return OptionalLong.empty();
        }
        long retryAfter = perSecond > 0 ? (long) Math.ceil((open - limit + 1) / perSecond) : 1;
        return OptionalLong.of(Math.max(1, Math.min(30, retryAfter)));
    }

    /** The bound on open orders for a pipeline finishing {@code perSecond} of them. */
    long limit(double perSecond) {
        long drainable = (long) (perSecond * deadline.toMillis() / 2_000.0);
        return Math.min(maxOpen, Math.max(FLOOR, drainable));
    }

    /** Counts an order as open from now on (call before it is published). */
    public void opened(String orderId) {
        if (maxOpen > 0) {
            openSince.putIfAbsent(orderId, clockMillis.getAsLong());
        }
    }

    /** The order was not accepted after all (the publish failed). */
    public void abandoned(String orderId) {
        openSince.remove(orderId);
    }

    /** A committed final status of {@code orderId} was read; counts towards the finish rate if it was ours. */
    public void finished(String orderId) {
        if (openSince.remove(orderId) != null) {
            finished.record(clockMillis.getAsLong());
        }
    }

    public int open() {
        return openSince.size();
    }

    /** Orders this instance finished per second over the last seconds. */
    public double finishedPerSecond() {
        return finished.perSecond(clockMillis.getAsLong());
    }

    private void sweep(long now) {
        if (now - lastSweep < 1_000) {
            return;
        }
        lastSweep = now;
        long stale = now - 2 * deadline.toMillis();
        openSince.values().removeIf(since -> since < stale);
    }
}
