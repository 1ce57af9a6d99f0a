package io.fastship.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every charge the gateway made, keyed by idempotency key: the same key always gets the first charge back, which
 * is what makes a retried or redelivered charge move money once. Changes are written through to a
 * {@link LedgerFile} when there is one, so the ledger outlives the gateway process too. Totals are kept as charges
 * change and each order's charges are chained, so neither {@code GET /ledger} nor {@code GET /ledger/{orderId}}
 * scans the ledger. Charges are held compactly ({@link StoredCharge}, about 75 bytes each with the indexes, where
 * records in maps took about 420), since a soak keeps millions. Thread-safe (one lock: the simulation is not about
 * gateway throughput).
 */
public final class Ledger implements AutoCloseable {

    private final DeclineRules rules;
    private final LedgerFile file;
    private final ChargeTable byKey = new ChargeTable(StoredCharge::keyHash);
    /** Each order's newest charge, the head of its chain. */
    private final ChargeTable newestByOrder = new ChargeTable(StoredCharge::orderHash);
    /** Only the charges whose id is not derived from the key (older ledger files): usually empty. */
    private final ChargeTable byStoredChargeId = new ChargeTable(StoredCharge::storedChargeIdHash);
    /** One instance per currency code and decline reason, instead of a copy per charge. */
    private final Map<String, String> texts = new HashMap<>();
    private long charges;
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
        file.forEach(this::load);
    }

    /** The charge for this key: the existing one, or a new one decided by the rules. */
    public synchronized Charged charge(String key, String orderId, long amountMinor, String currency, String token) {
        StoredCharge existing = byKey(key);
        if (existing != null) {
            return new Charged(existing.toRecord(), false);
        }
        String declined = rules.declineReason(token, amountMinor, currency);
        long keyHash = ChargeKeys.hash(key);
        // Two keys with one hash cannot both derive their id from it: the second gets a random id, stored.
        String chargeId = derivedIdTaken(keyHash) ? "ch_" + UUID.randomUUID() : ChargeIds.chargeId(keyHash);
        ChargeRecord charge = new ChargeRecord(chargeId, key, orderId, amountMinor, currency,
                declined == null ? ChargeRecord.SUCCEEDED : ChargeRecord.DECLINED, declined, null);
        file.append(charge);
        add(charge, keyHash);
        return new Charged(charge, true);
    }

    public synchronized Optional<ChargeRecord> byIdempotencyKey(String key) {
        return Optional.ofNullable(byKey(key)).map(StoredCharge::toRecord);
    }

    /** Refunds a succeeded charge in full, once; a refunded one answers with its refund again. */
    public synchronized Refunded refund(String chargeId) {
        StoredCharge charge = byChargeId(chargeId);
        if (charge == null) {
            return new Refunded(Optional.empty(), false, false);
        }
        if (charge.status == ChargeStatus.REFUNDED) {
            return new Refunded(Optional.of(charge.toRecord()), true, false);
        }
        if (charge.status != ChargeStatus.SUCCEEDED) {
            return new Refunded(Optional.of(charge.toRecord()), false, false);
        }
        ChargeRecord refunded = charge.toRecord().refunded(charge.hasDerivedIds()
                ? ChargeIds.refundId(charge.keyHash()) : "re_" + UUID.randomUUID());
        file.append(refunded);
        update(charge, refunded);
        return new Refunded(Optional.of(refunded), true, true);
    }

    public synchronized Totals totals() {
        return new Totals(charges, chargedMinor, refundedMinor, chargedMinor - refundedMinor);
    }

    /** Zeros (and currency {@code null}) for an order the gateway never charged; else the newest charge's currency. */
    public synchronized OrderTotals order(String orderId) {
        UUID order = CanonicalUuid.parse(orderId, 0);
        StoredCharge newest = newestByOrder.find(StoredCharge.orderHash(orderId, order),
                charge -> charge.hasOrder(orderId, order));
        long charged = 0;
        long refunded = 0;
        for (StoredCharge charge = newest; charge != null; charge = charge.previousOfOrder) {
            charged += charge.capturedMinor();
            refunded += charge.refundedMinor();
        }
        return new OrderTotals(orderId, charged, refunded, charged - refunded,
                newest == null ? null : newest.currency);
    }

    /** A line of the ledger file: a new charge, or a later state of one (the last line per key wins). */
    private void load(ChargeRecord record) {
        StoredCharge existing = byKey(record.idempotencyKey());
        if (existing == null) {
            add(record, ChargeKeys.hash(record.idempotencyKey()));
        } else {
            // The gateway writes a key's charge once and then only its refund: order, amount and ids stay.
            update(existing, record);
        }
    }

    private StoredCharge byKey(String key) {
        UUID keyOrder = ChargeKeys.orderOf(key);
        return byKey.find(ChargeKeys.hash(key), charge -> charge.hasKey(key, keyOrder));
    }

    private StoredCharge byChargeId(String chargeId) {
        UUID uuid = StoredChargeIds.uuidOf(chargeId);
        StoredCharge stored = byStoredChargeId.find(StoredChargeIds.hash(uuid != null ? uuid : chargeId),
                charge -> charge.hasStoredChargeId(chargeId, uuid));
        if (stored != null) {
            return stored;
        }
        long keyHash = ChargeIds.keyHashOf(chargeId);
        return keyHash < 0 ? null : derivedIdOwner(keyHash);
    }

    private boolean derivedIdTaken(long keyHash) {
        return derivedIdOwner(keyHash) != null;
    }

    private StoredCharge derivedIdOwner(long keyHash) {
        return byKey.find(keyHash, charge -> charge.hasDerivedIds() && charge.keyHash() == keyHash);
    }

    private void add(ChargeRecord record, long keyHash) {
        boolean derivedIds = record.chargeId().equals(ChargeIds.chargeId(keyHash)) && !derivedIdTaken(keyHash);
        StoredCharge charge = StoredCharge.of(record, intern(record.currency()), intern(record.declineReason()),
                derivedIds);
        byKey.put(keyHash, other -> false, charge);
        UUID order = CanonicalUuid.parse(record.orderId(), 0);
        charge.previousOfOrder = newestByOrder.put(StoredCharge.orderHash(record.orderId(), order),
                other -> other.hasOrder(record.orderId(), order), charge);
        if (!derivedIds) {
            byStoredChargeId.put(charge.storedChargeIdHash(), other -> false, charge);
        }
        charges++;
        chargedMinor += charge.capturedMinor();
        refundedMinor += charge.refundedMinor();
    }

    private void update(StoredCharge charge, ChargeRecord state) {
        chargedMinor -= charge.capturedMinor();
        refundedMinor -= charge.refundedMinor();
        charge.update(ChargeStatus.valueOf(state.status()), state.refundId());
        chargedMinor += charge.capturedMinor();
        refundedMinor += charge.refundedMinor();
    }

    private String intern(String text) {
        return text == null ? null : texts.computeIfAbsent(text, same -> same);
    }

    @Override
    public void close() {
        file.close();
    }
}
