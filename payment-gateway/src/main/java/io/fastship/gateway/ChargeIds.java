package io.fastship.gateway;

import java.util.UUID;

/**
 * Charge and refund ids derived from the key's hash ({@link ChargeKeys#hash}), so the ledger stores neither and
 * needs no index by charge id: a charge id carries its key's hash, which finds the charge in the index by key.
 * They look like any id ({@code "ch_"} or {@code "re_"} and a version-8 UUID). Ids the ledger did not derive (the
 * random ones of ledger files written before, or the second of two keys with one hash) are stored as they are.
 */
final class ChargeIds {

    private static final String CHARGE = "ch_";
    private static final String REFUND = "re_";
    private static final long CHARGE_SALT = 0x6368_6172_6765_4964L;
    private static final long REFUND_SALT = 0x7265_6675_6E64_4964L;
    /** RFC 9562's variant bits (10), in the two top bits of the low half that key hashes leave clear. */
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private ChargeIds() {
    }

    static String chargeId(long keyHash) {
        return CHARGE + new UUID(check(keyHash, CHARGE_SALT), VARIANT | keyHash);
    }

    static String refundId(long keyHash) {
        return REFUND + new UUID(check(keyHash, REFUND_SALT), VARIANT | (Hashes.mix(keyHash ^ REFUND_SALT)
                & ChargeKeys.HASH_BITS));
    }

    /** The key hash in a charge id this class derived, or -1 for any other text (a random id is version 4). */
    static long keyHashOf(String chargeId) {
        if (!chargeId.startsWith(CHARGE)) {
            return -1;
        }
        UUID uuid = CanonicalUuid.parse(chargeId, CHARGE.length());
        if (uuid == null || (uuid.getLeastSignificantBits() & ~ChargeKeys.HASH_BITS) != VARIANT) {
            return -1;
        }
        long keyHash = uuid.getLeastSignificantBits() & ChargeKeys.HASH_BITS;
        return uuid.getMostSignificantBits() == check(keyHash, CHARGE_SALT) ? keyHash : -1;
    }

    /** The high half: a check that the id was derived here, with the version nibble 8 (custom). */
    private static long check(long keyHash, long salt) {
        return (Hashes.mix(keyHash ^ salt) & ~0xF000L) | 0x8000L;
    }
}
