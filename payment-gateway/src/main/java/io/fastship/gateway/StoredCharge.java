package io.fastship.gateway;

import java.util.Objects;
import java.util.UUID;

/**
 * One charge as the ledger holds it in memory, 56 bytes for the usual charge (key {@code "charge-" + orderId}, a
 * UUID order id, ids derived from the key): only what cannot be derived is kept, and the {@link ChargeRecord} of the
 * API and the ledger file is built on demand. Mutable (status, refund) under the ledger's lock.
 */
final class StoredCharge {

    /** The order id when it is a canonical UUID, the usual case; else it is in {@link Rare#orderId()}. */
    private final long orderHigh;
    private final long orderLow;
    final long amountMinor;
    /** One instance per currency code, shared by every charge in it. */
    final String currency;
    ChargeStatus status;
    /** Null for the usual charge: what it cannot derive. */
    private Rare rare;
    /** The same order's charge made before this one (under another key), so an order's charges are a chain. */
    StoredCharge previousOfOrder;

    /**
     * What few charges have, each null when derived: a key other than {@code "charge-" + orderId}, an order id
     * that is not a canonical UUID, ids not derived from the key, a decline reason. A charge id is kept as the UUID
     * of {@code "ch_" + UUID} (as every id of older ledger files is: 32 bytes, where the text takes 80), else as
     * its text.
     */
    private record Rare(String key, String orderId, Object chargeId, String declineReason, String refundId) {

        static Rare of(String key, String orderId, Object chargeId, String declineReason, String refundId) {
            return key == null && orderId == null && chargeId == null && declineReason == null && refundId == null
                    ? null : new Rare(key, orderId, chargeId, declineReason, refundId);
        }
    }

    private StoredCharge(UUID order, long amountMinor, String currency, ChargeStatus status, Rare rare) {
        this.orderHigh = order == null ? 0 : order.getMostSignificantBits();
        this.orderLow = order == null ? 0 : order.getLeastSignificantBits();
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.status = status;
        this.rare = rare;
    }

    /**
     * The compact form of a record; {@code derivedIds} = its charge id is {@link ChargeIds#chargeId} of its key,
     * and its ids need not be stored.
     */
    static StoredCharge of(ChargeRecord record, String currency, String declineReason, boolean derivedIds) {
        UUID order = CanonicalUuid.parse(record.orderId(), 0);
        ChargeStatus status = ChargeStatus.valueOf(record.status());
        String key = ChargeKeys.isKeyOfOrder(record.idempotencyKey(), record.orderId()) ? null
                : record.idempotencyKey();
        Object storedId = derivedIds ? null : Objects.requireNonNullElse(StoredChargeIds.uuidOf(record.chargeId()),
                record.chargeId());
        StoredCharge charge = new StoredCharge(order, record.amountMinor(), currency, status, Rare.of(key,
                order == null ? record.orderId() : null, storedId, declineReason, null));
        charge.update(status, record.refundId());
        return charge;
    }

    /** Takes on a later state of this charge (its refund): status and refund id. */
    void update(ChargeStatus newStatus, String refundId) {
        status = newStatus;
        boolean derived = refundId != null && newStatus == ChargeStatus.REFUNDED && hasDerivedIds()
                && refundId.equals(ChargeIds.refundId(keyHash()));
        String stored = derived ? null : refundId;
        if (!Objects.equals(stored, rare == null ? null : rare.refundId())) {
            Rare r = rare == null ? new Rare(null, null, null, null, null) : rare;
            rare = Rare.of(r.key(), r.orderId(), r.chargeId(), r.declineReason(), stored);
        }
    }

    String key() {
        if (rare != null && rare.key() != null) {
            return rare.key();
        }
        return ChargeKeys.PREFIX + orderId();
    }

    String orderId() {
        return rare != null && rare.orderId() != null ? rare.orderId() : new UUID(orderHigh, orderLow).toString();
    }

    /** The charge id when it is stored, not derived; null for the usual charge. */
    String storedChargeId() {
        return rare == null || rare.chargeId() == null ? null : StoredChargeIds.text(rare.chargeId());
    }

    /** The {@link StoredChargeIds#hash} of the stored charge id; only for a charge with one. */
    long storedChargeIdHash() {
        return StoredChargeIds.hash(rare.chargeId());
    }

    /** Whether the stored charge id is this one; {@code uuid} = {@link StoredChargeIds#uuidOf} the id. */
    boolean hasStoredChargeId(String chargeId, UUID uuid) {
        Object stored = rare == null ? null : rare.chargeId();
        return stored != null && (uuid != null ? uuid.equals(stored) : chargeId.equals(stored));
    }

    boolean hasDerivedIds() {
        return rare == null || rare.chargeId() == null;
    }

    /** {@link ChargeKeys#hash} of the key, computed without building the key for the usual charge. */
    long keyHash() {
        if (rare != null && rare.key() != null) {
            return ChargeKeys.hash(rare.key());
        }
        if (rare != null && rare.orderId() != null) {
            return ChargeKeys.hash(ChargeKeys.PREFIX + rare.orderId());
        }
        return ChargeKeys.hashOfOrderKey(orderHigh, orderLow);
    }

    /** Whether this is the charge of {@code key}; {@code keyOrder} = {@link ChargeKeys#orderOf} the key. */
    boolean hasKey(String key, UUID keyOrder) {
        if (rare != null && rare.key() != null) {
            return rare.key().equals(key);
        }
        if (rare != null && rare.orderId() != null) {
            return ChargeKeys.isKeyOfOrder(key, rare.orderId());
        }
        return keyOrder != null && isOrder(keyOrder);
    }

    static long orderHash(String orderId, UUID order) {
        return order != null ? Hashes.uuid(order.getMostSignificantBits(), order.getLeastSignificantBits())
                : Hashes.text(orderId);
    }

    long orderHash() {
        return rare != null && rare.orderId() != null ? Hashes.text(rare.orderId()) : Hashes.uuid(orderHigh, orderLow);
    }

    /** Whether this charge is of the order; {@code order} = its id parsed by {@link CanonicalUuid}, or null. */
    boolean hasOrder(String orderId, UUID order) {
        if (rare != null && rare.orderId() != null) {
            return rare.orderId().equals(orderId);
        }
        return order != null && isOrder(order);
    }

    private boolean isOrder(UUID order) {
        return order.getMostSignificantBits() == orderHigh && order.getLeastSignificantBits() == orderLow;
    }

    long capturedMinor() {
        return status.capturedMinor(amountMinor);
    }

    long refundedMinor() {
        return status.refundedMinor(amountMinor);
    }

    /** The API's and the ledger file's shape of this charge, built now. */
    ChargeRecord toRecord() {
        long keyHash = keyHash();
        String chargeId = hasDerivedIds() ? ChargeIds.chargeId(keyHash) : storedChargeId();
        String refundId = rare != null && rare.refundId() != null ? rare.refundId()
                : status == ChargeStatus.REFUNDED && hasDerivedIds() ? ChargeIds.refundId(keyHash) : null;
        return new ChargeRecord(chargeId, key(), orderId(), amountMinor, currency, status.name(),
                rare == null ? null : rare.declineReason(), refundId);
    }
}
