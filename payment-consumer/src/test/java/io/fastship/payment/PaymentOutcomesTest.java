package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentOutcomesTest {

    @TempDir
    Path stateDir;

    private PaymentOutcomes outcomes() {
        return new PaymentOutcomes(stateDir, Duration.ofDays(7), Clock.systemUTC());
    }

    private static PaymentEvent event(String orderId, PaymentStatus status) {
        return PaymentEvent.newBuilder().setEventId("e").setOrderId(orderId).setStatus(status).setAmountMinor(1)
                .setCurrency("EUR").setOccurredAt(Instant.EPOCH).build();
    }

    @Test
    void stagedWritesAreSeenByTheirStageButByNobodyElseUntilCommitted() {
        PaymentOutcomes outcomes = outcomes();
        outcomes.restored(0, Map.of("old", event("old", PaymentStatus.DECLINED)));
        PaymentOutcomes.Stage stage = outcomes.stage(0);

        stage.put(event("new", PaymentStatus.AUTHORIZED));

        assertThat(stage.get("new")).isPresent();
        assertThat(stage.get("old")).isPresent();
        assertThat(outcomes.stage(0).get("new")).isEmpty();
        stage.commit();
        assertThat(outcomes.stage(0).get("new")).map(PaymentEvent::getStatus).contains(PaymentStatus.AUTHORIZED);
        assertThat(outcomes.size()).isEqualTo(2);
    }

    @Test
    void anAbandonedStageLeavesNoTrace() {
        PaymentOutcomes outcomes = outcomes();
        outcomes.restored(1, Map.of());

        outcomes.stage(1).put(event("aborted", PaymentStatus.AUTHORIZED));

        assertThat(outcomes.stage(1).get("aborted")).isEmpty();
    }

    @Test
    void aCommitAfterThePartitionWasRevokedAndRestoredDoesNotWriteIntoTheNewState() {
        PaymentOutcomes outcomes = outcomes();
        outcomes.restored(2, Map.of());
        PaymentOutcomes.Stage stale = outcomes.stage(2);
        stale.put(event("late", PaymentStatus.AUTHORIZED));

        outcomes.drop(2);
        outcomes.restored(2, Map.of());
        stale.commit();

        assertThat(outcomes.stage(2).get("late")).isEmpty();
        assertThatThrownBy(() -> outcomes.stage(3)).isInstanceOf(IllegalStateException.class);
    }
}
