package io.fastship.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every charge the gateway made, keyed by idempotency key: the same key always gets the first charge back, which
 * is what makes a retried or redelivered charge move money once. Changes are written through to a
 * {@link LedgerFile} when there is one, so the ledger outlives the gateway process too. Thread-safe (one lock:
 * the simulation is not about gateway throughput).
 */
public final class Ledger implements AutoCloseable {

    private final DeclineRules rules;
    private final LedgerFile file;
    private final Map<String, ChargeRecord> byKey = new LinkedHashMap<>();
    private final Map<String, String> keyByChargeId = new LinkedHashMap<>();

    /** The answer to a charge request, and whether it made a new charge (201) or replayed one (200). */
    public record Charged(ChargeRecord charge, boolean created) {
    }

    /** The answer to a refund request; empty charge = no such charge, {@code refundable} false = declined one. */
    public record Refunded(Optional<ChargeRecord> charge, boolean refundable, boolean created) {
    }

    /** The totals of {@code GET /ledger}. */
    public record Totals(long charges, long chargedMinor, long refundedMinor, long netMinor) {
    }

    /** The totals of one order, {@code GET /ledger/{orderId}}. */
    public record OrderTotals(String orderId, long chargedMinor, long refundedMinor, long netMinor, String currency) {
    }

    public Ledger(DeclineRules rules, LedgerFile file) {
        this.rules = rules;
        this.file = file;
        file.load().forEach(this::index);
    }

    /** The charge for this key: the existing one, or a new one decided by the rules. */
    public synchronized Charged charge(String key, String orderId, long amountMinor, String currency, String token) {
        ChargeRecord existing = byKey.get(key);
        if (existing != null) {
            return new Charged(existing, false);
        }
        String declined = rules.declineReason(token, amountMinor, currency);
        ChargeRecord charge = new ChargeRecord("ch_" + UUID.randomUUID(), key, orderId, amountMinor, currency,
                declined == null ? ChargeRecord.SUCCEEDED : ChargeRecord.DECLINED, declined, null);
        store(charge);
        return new Charged(charge, true);
    }

    public synchronized Optional<ChargeRecord> byIdempotencyKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Refunds a succeeded charge in full, once; a refunded one answers with its refund again. */
    public synchronized Refunded refund(String chargeId) {
        String key = keyByChargeId.get(chargeId);
        if (key == null) {
            return new Refunded(Optional.empty(), false, false);
        }
        ChargeRecord charge = byKey.get(key);
        if (ChargeRecord.REFUNDED.equals(charge.status())) {
            return new Refunded(Optional.of(charge), true, false);
        }
        if (!ChargeRecord.SUCCEEDED.equals(charge.status())) {
            return new Refunded(Optional.of(charge), false, false);
        }
        ChargeRecord refunded = charge.refunded("re_" + UUID.randomUUID());
        store(refunded);
        return new Refunded(Optional.of(refunded), true, true);
    }

    public synchronized Totals totals() {
        long charged = 0;
        long refunded = 0;
        for (ChargeRecord charge : byKey.values()) {
            charged += charge.capturedMinor();
            refunded += charge.refundedMinor();
        }
        return new Totals(byKey.size(), charged, refunded, charged - refunded);
    }

    /** Zeros (and currency {@code null}) for an order the gateway never charged. */
    public synchronized OrderTotals order(String orderId) {
        long charged = 0;
        long refunded = 0;
        String currency = null;
        for (ChargeRecord charge : byKey.values()) {
            if (charge.orderId().equals(orderId)) {
                charged += charge.capturedMinor();
                refunded += charge.refundedMinor();
                currency = charge.currency();
            }
        }
        return new OrderTotals(orderId, charged, refunded, charged - refunded, currency);
    }

    private void store(ChargeRecord charge) {
        file.append(charge);
        index(charge);
    }

    private void index(ChargeRecord charge) {
        byKey.put(charge.idempotencyKey(), charge);
        keyByChargeId.put(charge.chargeId(), charge.idempotencyKey());
    }

    @Override
    public void close() {
        file.close();
    }
}
