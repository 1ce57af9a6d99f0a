package io.fastship.gateway;

/** A charge's status as the ledger keeps it: one shared constant per charge, its name the JSON {@code status}. */
enum ChargeStatus {
    SUCCEEDED, DECLINED, REFUNDED;

    /** Money a charge of this status moved and kept: a refunded charge was captured first. */
    long capturedMinor(long amountMinor) {
        return this == DECLINED ? 0 : amountMinor;
    }

    long refundedMinor(long amountMinor) {
        return this == REFUNDED ? amountMinor : 0;
    }
}
