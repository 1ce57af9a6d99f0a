package io.fastship.order.view;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys of the deadline index store: {@code <deadline millis, 19 digits>|<orderId>}. The store sorts keys by
 * their bytes, so the pending orders that are due are exactly one range up to now, and a scan touches only them,
 * not every order ever seen. Values are the orderId, optionally followed by a space and the W3C
 * {@code traceparent} of the order's trace, so a timeout cancellation continues that trace.
 */
public final class DeadlineIndex {

    private static final Pattern WITH_TRACE = Pattern.compile("(.*) (00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2})");

    private DeadlineIndex() {
    }

    public static String key(Instant deadline, String orderId) {
        return String.format("%019d|%s", Math.max(0, deadline.toEpochMilli()), orderId);
    }

    /** The value of an entry: the orderId, and the traceparent when there is one. */
    static String value(String orderId, Optional<String> traceparent) {
        return traceparent.map(parent -> orderId + " " + parent).orElse(orderId);
    }

    /** The orderId of an entry's value (older entries hold nothing else). */
    static String orderIdOf(String value) {
        Matcher matcher = WITH_TRACE.matcher(value);
        return matcher.matches() ? matcher.group(1) : value;
    }

    static Optional<String> traceparentOf(String value) {
        Matcher matcher = WITH_TRACE.matcher(value);
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }

    /** The first key an entry due at {@code deadlineMillis} or later can have. */
    static String from(long deadlineMillis) {
        return String.format("%019d|", Math.max(0, deadlineMillis));
    }

    /** The deadline, in millis, of an entry's key. */
    static long deadlineOf(String key) {
        return Long.parseLong(key.substring(0, 19));
    }

    /** The inclusive upper end of the range of entries due at {@code now}. */
    static String dueUpTo(Instant now) {
        // U+FFFF encodes to bytes above every ASCII byte, so it sorts after any order id with this deadline.
        return String.format("%019d|\uffff", Math.max(0, now.toEpochMilli()));
    }
}
