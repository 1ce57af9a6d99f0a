package io.fastship.order.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import io.fastship.order.security.Hmac;

/**
 * Order ids, and why an {@code Idempotency-Key} needs no shared state between instances.
 *
 * <p>With a key, the order id is derived from the customer id and the key with HMAC-SHA256 under the server secret
 * {@code ORDER_ID_SECRET}, which all instances share: every instance, before or after a restart, derives the same id
 * for a replay without asking anyone, and nobody without the secret can compute (or guess) another customer's
 * order id from inputs they might know. Orders without a key get random ids. A replay that finds the order in the
 * read model is answered from it and publishes nothing. A replay that races the first request (both in flight
 * before the read model saw either) may publish a second {@code OrderCreated} with the same order id and the same
 * event id; the read model keeps the first and ignores the second, and downstream services deduplicate by order
 * id. The alternatives cost more: a compacted idempotency topic or a Streams store would put a read (and a second
 * write) in front of every POST, and still need the same tie-break. Keys are scoped by customer, so two customers'
 * identical keys never collide.
 */
public final class OrderIds {

    public static final int MAX_KEY_LENGTH = 255;

    private final Hmac hmac;

    public OrderIds(byte[] secret) {
        this.hmac = new Hmac(secret);
    }

    /** A fresh random id (122 random bits) for an order without an idempotency key. */
    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** The id of the order that {@code customerId} creates with {@code idempotencyKey}, the same on every instance. */
    public String forIdempotencyKey(String customerId, String idempotencyKey) {
        // A length prefix keeps ("ab","c") and ("a","bc") apart.
        byte[] mac = hmac.of("fastship-order:" + customerId.length() + ":" + customerId + ":" + idempotencyKey);
        ByteBuffer bytes = ByteBuffer.wrap(mac, 0, 16);
        long high = bytes.getLong();
        long low = bytes.getLong();
        // Marked as an RFC 9562 version-8 (custom) UUID with the standard variant, so it parses everywhere.
        high = (high & ~0xF000L) | 0x8000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
