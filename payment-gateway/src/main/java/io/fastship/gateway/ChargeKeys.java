package io.fastship.gateway;

import java.util.UUID;

/**
 * Idempotency keys as the ledger keeps them. The payment service's key is {@code "charge-" + orderId}
 * ({@code Charge.idempotencyKey}), so for nearly every charge the key is not stored but rebuilt from the order id.
 * Every key has a 62-bit hash, a function of its text alone (not of how it is stored), which places it in the
 * index by key and which its derived charge id carries ({@link ChargeIds}).
 */
final class ChargeKeys {

    /** The payment service's prefix of a charge's key. */
    static final String PREFIX = "charge-";
    /** Key hashes leave the top two bits clear, for the UUID variant of a charge id. */
    static final long HASH_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private ChargeKeys() {
    }

    static long hash(String key) {
        UUID order = orderOf(key);
        return order != null ? hashOfOrderKey(order.getMostSignificantBits(), order.getLeastSignificantBits())
                : Hashes.text(key) & HASH_BITS;
    }

    /** The hash of {@code "charge-" + orderId} for an order id that is a canonical UUID. */
    static long hashOfOrderKey(long orderHigh, long orderLow) {
        return Hashes.uuid(orderHigh, orderLow) & HASH_BITS;
    }

    /** The order id of a key {@code "charge-" + canonical UUID}, else null. */
    static UUID orderOf(String key) {
        return key.startsWith(PREFIX) ? CanonicalUuid.parse(key, PREFIX.length()) : null;
    }

    /** Whether the key is {@code "charge-" + orderId}, without building that string. */
    static boolean isKeyOfOrder(String key, String orderId) {
        return key.length() == PREFIX.length() + orderId.length() && key.startsWith(PREFIX)
                && key.endsWith(orderId);
    }
}
