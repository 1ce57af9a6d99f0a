package io.fastship.order.view;

import java.time.Instant;

/**
 * Keys of the deadline index store: {@code <deadline millis, 19 digits>|<orderId>}. The store sorts keys by
 * their bytes, so the pending orders that are due are exactly one range from the start up to now, and a scan
 * touches only them, not every order ever seen.
 */
public final class DeadlineIndex {

    static final String FIRST = "0000000000000000000|";

    private DeadlineIndex() {
    }

    public static String key(Instant deadline, String orderId) {
        return String.format("%019d|%s", Math.max(0, deadline.toEpochMilli()), orderId);
    }

    /** The inclusive upper end of the range of entries due at {@code now}. */
    static String dueUpTo(Instant now) {
        // U+FFFF encodes to bytes above every ASCII byte, so it sorts after any order id with this deadline.
        return String.format("%019d|\uffff", Math.max(0, now.toEpochMilli()));
    }
}
