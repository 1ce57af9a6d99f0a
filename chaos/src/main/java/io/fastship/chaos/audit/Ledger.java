package io.fastship.chaos.audit;

/** What the payment gateway's books say about orders ({@code GET /ledger/{orderId}}). */
public interface Ledger {

    /** The money moved for one order; zeros when the gateway never saw it. */
    Entry of(String orderId);

    /** One order's line in the gateway's ledger, in minor units. */
    record Entry(long chargedMinor, long refundedMinor) {

        public long netMinor() {
            return chargedMinor - refundedMinor;
        }
    }
}
