package io.fastship.gateway;

import java.util.UUID;

/**
 * Charge ids a charge stores because they are not derived from its key ({@link ChargeIds}): the random
 * {@code "ch_" + UUID} of older ledger files, kept as the UUID, or any other text as it is.
 */
final class StoredChargeIds {

    private static final String PREFIX = "ch_";

    private StoredChargeIds() {
    }

    /** The UUID of {@code "ch_" + canonical UUID}, else null. */
    static UUID uuidOf(String chargeId) {
        return chargeId.startsWith(PREFIX) ? CanonicalUuid.parse(chargeId, PREFIX.length()) : null;
    }

    /** A stored id's text; {@code stored} is a UUID from {@link #uuidOf} or the text. */
    static String text(Object stored) {
        return stored instanceof UUID uuid ? PREFIX + uuid : (String) stored;
    }

    static long hash(Object stored) {
        return stored instanceof UUID uuid ? Hashes.uuid(uuid.getMostSignificantBits(),
                uuid.getLeastSignificantBits()) : Hashes.text((String) stored);
    }
}
