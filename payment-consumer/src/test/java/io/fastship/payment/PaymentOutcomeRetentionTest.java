package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.schemas.TopicSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payment outcome store on disk: kept for STATE_RETENTION after it was written, then deleted. */
class PaymentOutcomeRetentionTest {

    private static final Duration RETENTION = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    private final MutableClock clock = new MutableClock(T0);
    private PaymentOutcomes outcomes;

    @AfterEach
    void close() {
        if (outcomes != null) {
            outcomes.close();
        }
    }

    @Test
    void shouldForgetAnOutcomeOnceTheRetentionHasPassedSinceItWasWritten() {
        outcomes = new PaymentOutcomes(stateDir, RETENTION, clock);
        outcomes.restored(0, java.util.Map.of());
        commit(0, event("o-1"));
        clock.advance(Duration.ofMinutes(3));
        commit(0, event("o-2"));

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        commit(0, event("o-3"));

        assertThat(outcomes.stage(0).get("o-1")).as("written 5 min 1 s ago").isEmpty();
        assertThat(outcomes.stage(0).get("o-2")).isPresent();
        assertThat(outcomes.stage(0).get("o-3")).isPresent();
        assertThat(outcomes.size()).isEqualTo(2);
    }

    @Test
    void shouldCountTheRetentionFromTheLastWriteOfAnOrder() {
        outcomes = new PaymentOutcomes(stateDir, RETENTION, clock);
        outcomes.restored(0, java.util.Map.of());
        commit(0, event("o-1"));
        clock.advance(Duration.ofMinutes(4));
        commit(0, refunded("o-1"));

        clock.advance(Duration.ofMinutes(4));
        commit(0, event("o-other"));

        assertThat(outcomes.stage(0).get("o-1")).map(PaymentEvent::getStatus).contains(PaymentStatus.REFUNDED);
        assertThat(outcomes.size()).isEqualTo(2);
    }

    @Test
    void shouldNotRestoreOutcomesThatExpiredWhileTheChangelogStillHeldThem() {
        outcomes = new PaymentOutcomes(stateDir, RETENTION, clock);
        long now = T0.toEpochMilli();

        outcomes.restore(1, loader -> {
            loader.put("old", event("old"), now - RETENTION.toMillis() - 1);
            loader.put("recent", event("recent"), now - 1_000);
            loader.put("gone", event("gone"), now - 1_000);
            loader.remove("gone");
        });

        assertThat(outcomes.stage(1).get("old")).isEmpty();
        assertThat(outcomes.stage(1).get("recent")).isPresent();
        assertThat(outcomes.stage(1).get("gone")).isEmpty();
        assertThat(outcomes.size()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheStateOnDiskAndDeleteItWhenThePartitionIsDropped() throws Exception {
        outcomes = new PaymentOutcomes(stateDir, RETENTION, clock);
        outcomes.restored(2, java.util.Map.of());
        commit(2, event("o-1"));
        assertThat(Files.list(stateDir).map(p -> p.getFileName().toString())).contains("outcomes-2");
        PaymentOutcomes.Stage stale = outcomes.stage(2);

        outcomes.drop(2);

        assertThat(Files.exists(stateDir.resolve("outcomes-2"))).isFalse();
        assertThatThrownBy(() -> stale.get("o-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldExpireAtMostABoundedNumberPerCommit() {
        outcomes = new PaymentOutcomes(stateDir, RETENTION, clock);
        outcomes.restored(3, java.util.Map.of());
        PaymentOutcomes.Stage many = outcomes.stage(3);
        for (int i = 0; i < PaymentOutcomes.MAX_EXPIRIES_PER_COMMIT + 10; i++) {
            many.put(event("o-" + i));
        }
        many.commit();
        clock.advance(RETENTION.plusSeconds(1));

        outcomes.stage(3).commit();

        assertThat(outcomes.size()).isEqualTo(10);
        outcomes.stage(3).commit();
        assertThat(outcomes.size()).isZero();
    }

    @Test
    void shouldKeepOutcomesForTheOrderTopicsRetentionByDefault() {
        assertThat(PaymentTopics.of(io.fastship.schemas.EventTopics.resolve("t", 1, null,
                java.util.Map.of("schema.registry.url", "http://registry.invalid")), "g").outcomes().settings()
                .configs()).containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", Long.toString(TopicSettings.DEFAULT_RETENTION.toMillis()));
    }

    private void commit(int partition, PaymentEvent event) {
        PaymentOutcomes.Stage stage = outcomes.stage(partition);
        stage.put(event);
        stage.commit();
    }

    private static PaymentEvent event(String orderId) {
        return PaymentEvent.newBuilder().setEventId("e-" + orderId).setOrderId(orderId)
                .setStatus(PaymentStatus.AUTHORIZED).setAmountMinor(1).setCurrency("EUR").setOccurredAt(T0).build();
    }

    private static PaymentEvent refunded(String orderId) {
        return PaymentEvent.newBuilder().setEventId("r-" + orderId).setOrderId(orderId)
                .setStatus(PaymentStatus.REFUNDED).setAmountMinor(1).setCurrency("EUR").setOccurredAt(T0).build();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
