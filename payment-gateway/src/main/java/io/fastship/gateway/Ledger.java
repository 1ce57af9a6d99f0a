package io.fastship.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every charge the gateway made, keyed by idempotency key: the same key always gets the first charge back, which
 * is what makes a retried or redelivered charge move money once. Changes are written through to a
 * {@link LedgerFile} when there is one, so the ledger outlives the gateway process too. Totals are kept as charges
 * change and each order's keys are indexed, so neither {@code GET /ledger} nor {@code GET /ledger/{orderId}} scans
 * the ledger (they did, once per order audited, over a million charges). Thread-safe (one lock: the simulation is
 * not about gateway throughput).
 */
public final class Ledger implements AutoCloseable {

    private final DeclineRules rules;
    private final LedgerFile file;
    private final Map<String, ChargeRecord> byKey = new HashMap<>();
    private final Map<String, String> keyByChargeId = new HashMap<>();
    /** Order id to its one key (a String, the usual case) or its keys (a List): no list per order for the usual case. */
    private final Map<String, Object> keysByOrder = new HashMap<>();
    private final Map<String, String> currencies = new HashMap<>();
    private long chargedMinor;
    private long refundedMinor;

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
        return new Totals(byKey.size(), chargedMinor, refundedMinor, chargedMinor - refundedMinor);
    }

    /** Zeros (and currency {@code null}) for an order the gateway never charged. */
    public synchronized OrderTotals order(String orderId) {
        long charged = 0;
        long refunded = 0;
        String currency = null;
        for (String key : keysOf(orderId)) {
            ChargeRecord charge = byKey.get(key);
            charged += charge.capturedMinor();
            refunded += charge.refundedMinor();
            currency = charge.currency();
        }
        return new OrderTotals(orderId, charged, refunded, charged - refunded, currency);
    }

    @SuppressWarnings("unchecked")
    private List<String> keysOf(String orderId) {
        Object keys = keysByOrder.get(orderId);
        if (keys == null) {
            return List.of();
        }
        return keys instanceof String key ? List.of(key) : (List<String>) keys;
    }

    private void store(ChargeRecord charge) {
        file.append(charge);
        index(charge);
    }

    private void index(ChargeRecord loaded) {
        ChargeRecord charge = compact(loaded);
        ChargeRecord previous = byKey.put(charge.idempotencyKey(), charge);
        if (previous != null) {
            chargedMinor -= previous.capturedMinor();
            refundedMinor -= previous.refundedMinor();
        } else {
            keyByChargeId.put(charge.chargeId(), charge.idempotencyKey());
            addKey(charge.orderId(), charge.idempotencyKey());
        }
        chargedMinor += charge.capturedMinor();
        refundedMinor += charge.refundedMinor();
    }

    @SuppressWarnings("unchecked")
    private void addKey(String orderId, String key) {
        Object keys = keysByOrder.get(orderId);
        if (keys == null) {
            keysByOrder.put(orderId, key);
        } else if (keys instanceof String first) {
            List<String> both = new ArrayList<>(2);
            both.add(first);
            both.add(key);
            keysByOrder.put(orderId, both);
        } else {
            ((List<String>) keys).add(key);
        }
    }

    /** One instance per currency code and status instead of a copy per charge read from the ledger file. */
    private ChargeRecord compact(ChargeRecord charge) {
        String currency = charge.currency() == null ? null
                : currencies.computeIfAbsent(charge.currency(), code -> code);
        String status = switch (charge.status()) {
            case ChargeRecord.SUCCEEDED -> ChargeRecord.SUCCEEDED;
            case ChargeRecord.DECLINED -> ChargeRecord.DECLINED;
            case ChargeRecord.REFUNDED -> ChargeRecord.REFUNDED;
            default -> charge.status();
        };
        return new ChargeRecord(charge.chargeId(), charge.idempotencyKey(), charge.orderId(), charge.amountMinor(),
                currency, status, charge.declineReason(), charge.refundId());
    }

    @Override
    public void close() {
        file.close();
    }
}
