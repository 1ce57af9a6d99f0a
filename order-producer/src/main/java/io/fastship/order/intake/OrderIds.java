package io.fastship.order.intake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Order ids, and why an {@code Idempotency-Key} needs no shared state between instances.
 *
 * <p>With a key, the order id is a name-based UUID (RFC 4122 version 3) of the customer id and the key: every
 * instance, before or after a restart, derives the same id for a replay without asking anyone. A replay that
 * finds the order in the read model is answered from it and publishes nothing. A replay that races the first
 * request (both in flight before the read model saw either) may publish a second {@code OrderCreated} with the
 * same order id and the same event id; the read model keeps the first and ignores the second, and downstream
 * services deduplicate by order id. The alternatives cost more: a compacted idempotency topic or a Streams
 * store would put a read (and a second write) in front of every POST, and still need the same tie-break.
 * Keys are scoped by customer, so two customers' identical keys never collide.
 */
public final class OrderIds {

    public static final int MAX_KEY_LENGTH = 255;

    private OrderIds() {
    }

    /** A fresh random id for an order without an idempotency key. */
    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** The id of the order that {@code customerId} creates with {@code idempotencyKey}, the same everywhere. */
    public static String forIdempotencyKey(String customerId, String idempotencyKey) {
        // A length prefix keeps ("ab","c") and ("a","bc") apart.
        String name = "fastship-order:" + customerId.length() + ":" + customerId + ":" + idempotencyKey;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The event id of the {@code OrderCreated} of an order, the same for every replay, so consumers can dedupe. */
    public static String createdEventId(String orderId) {
        return UUID.nameUUIDFromBytes(("fastship-order-created:" + orderId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The key if it is usable: 1..255 printable ASCII characters (the IETF draft's recommendation). */
    public static Optional<String> validKey(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String key = header.strip();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters");
        }
        return Optional.of(key);
    }
}
