package io.fastship.order.view;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fastship.platform.state.DueKeys;

/**
 * Keys of the deadline index store: {@link DueKeys} of the deadline and the orderId. The store sorts keys by
 * their bytes, so the pending orders that are due are exactly one range up to now, and a scan touches only them,
 * not every order ever seen. Values are the orderId, optionally followed by a space and the W3C
 * {@code traceparent} of the order's trace, so a timeout cancellation continues that trace.
 */
public final class DeadlineIndex {

    private static final Pattern WITH_TRACE = Pattern.compile("(.*) (00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2})");

    private DeadlineIndex() {
    }

    public static String key(Instant deadline, String orderId) {
        return DueKeys.of(deadline.toEpochMilli(), orderId);
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
}
