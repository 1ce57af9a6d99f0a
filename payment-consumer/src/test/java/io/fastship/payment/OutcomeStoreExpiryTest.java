package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.platform.testing.RocksDbTombstones;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expiry reads past what it already deleted only once: RocksDB keeps a tombstone per deleted key until compaction,
 * and a scan from the start of the index would step over all of them on every commit (the cost grows with the run).
 */
class OutcomeStoreExpiryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldNotStepOverTheTombstonesOfEarlierExpiriesAgain() {
        try (OutcomeStore store = OutcomeStore.open(dir.resolve("p0"))) {
            for (int i = 1; i <= 5_000; i++) {
                store.put("order-" + i, event("order-" + i), i);
            }
            assertThat(store.expire(5_000, 10_000)).isEqualTo(5_000);
            store.put("late", event("late"), 9_000);

            long skipped = RocksDbTombstones.skippedBy(dir.resolve("probe"),
                    () -> assertThat(store.expire(6_000, 10_000)).isZero());
            assertThat(skipped).isLessThan(100);
            assertThat(store.size()).isEqualTo(1);
        }
    }

    @Test
    void shouldStillExpireAnEntryWrittenBelowWhereTheLastScanEnded() {
        try (OutcomeStore store = OutcomeStore.open(dir.resolve("p1"))) {
            store.put("a", event("a"), 100);
            store.put("b", event("b"), 200);
            assertThat(store.expire(150, 10)).isEqualTo(1);
            // Restored or rewritten with an earlier expiry than the scan reached: still found.
            store.put("c", event("c"), 120);
            assertThat(store.expire(160, 10)).isEqualTo(1);
            assertThat(store.get("c")).isNull();
            assertThat(store.get("b")).isNotNull();
        }
    }

    @Test
    void shouldResumeABoundedScanWhereItStoppedWithoutSkippingEqualExpiries() {
        try (OutcomeStore store = OutcomeStore.open(dir.resolve("p2"))) {
            for (int i = 0; i < 10; i++) {
                store.put("same-" + i, event("same-" + i), 500);
            }
            assertThat(store.expire(1_000, 4)).isEqualTo(4);
            assertThat(store.expire(1_000, 4)).isEqualTo(4);
            assertThat(store.expire(1_000, 4)).isEqualTo(2);
            assertThat(store.size()).isZero();
        }
    }

    private static PaymentEvent event(String orderId) {
        return PaymentEvent.newBuilder().setEventId("e-" + orderId).setOrderId(orderId)
                .setStatus(PaymentStatus.AUTHORIZED).setAmountMinor(1).setCurrency("EUR").setOccurredAt(T0).build();
    }
}
