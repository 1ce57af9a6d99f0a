package io.fastship.chaos.load;

/**
 * How the load generator places orders.
 *
 * @param rate        orders per second, placed on a fixed schedule
 * @param orders      how many orders in all
 * @param skus        orders pick SKU-0001..SKU-{skus} of the seeded catalog in turn
 * @param declineEvery every n-th order pays with the declining test token (0: none), so cancellations happen too
 * @param maxInFlight requests waiting for an answer at most; beyond it the schedule waits (a stalled service)
 * @param watchEvery  a client watches the first accepted order and every n-th after it (0: none), as customers do
 */
public record LoadSettings(double rate, int orders, int skus, int declineEvery, int maxInFlight, int watchEvery) {

    /** Every 5th order: at 20 orders/s a few streams a second, enough to cover each fault window. */
    public static final int DEFAULT_WATCH_EVERY = 5;

    public LoadSettings(double rate, int orders, int skus, int declineEvery, int maxInFlight) {
        this(rate, orders, skus, declineEvery, maxInFlight, DEFAULT_WATCH_EVERY);
    }

    public LoadSettings {
        if (!(rate > 0 && rate <= 5000)) {
            throw new IllegalArgumentException("--rate must be in (0, 5000], was " + rate);
        }
        if (orders < 0) {
            throw new IllegalArgumentException("--orders must be >= 0, was " + orders);
        }
        if (skus < 1 || skus > 9999) {
            throw new IllegalArgumentException("--skus must be 1..9999, was " + skus);
        }
        if (declineEvery < 0 || maxInFlight < 1) {
            throw new IllegalArgumentException("declineEvery must be >= 0 and maxInFlight >= 1");
        }
        if (watchEvery < 0) {
            throw new IllegalArgumentException("--watch-every must be >= 0, was " + watchEvery);
        }
    }
}
