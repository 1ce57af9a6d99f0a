package io.fastship.order.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.fastship.events.OrderStatus;
import io.fastship.order.view.OrderView;
import org.junit.jupiter.api.Test;

/** A status the store holds but the committed topic does not (an open or aborted transaction) is never shown. */
class CommittedStatusesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final CommittedStatuses statuses = new CommittedStatuses(Duration.ofMinutes(2));

    private static OrderView view(OrderStatus status, Instant updatedAt) {
        return OrderView.empty("o-1").toBuilder().status(status).cancellationReason("timeout").updatedAt(updatedAt)
                .finalAt(updatedAt).build();
    }

    @Test
    void anUncommittedFinalStatusIsShownAsTheLastCommittedOne() {
        statuses.committed("o-1", OrderStatus.PENDING, NOW.toEpochMilli());

        OrderView shown = statuses.visible(view(OrderStatus.CANCELLED, NOW), NOW);

        assertThat(shown.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(shown.isFinal()).isFalse();
        assertThat(shown.cancellationReason()).isNull();
    }

    @Test
    void nothingCommittedYetMeansPending() {
        assertThat(statuses.visible(view(OrderStatus.CONFIRMED, NOW), NOW).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aCommittedStatusIsShownAsItIs() {
        statuses.committed("o-1", OrderStatus.CANCELLED, NOW.toEpochMilli());
        OrderView view = view(OrderStatus.CANCELLED, NOW);

        assertThat(statuses.visible(view, NOW)).isEqualTo(view);
    }

    @Test
    void aViewOlderThanTheWindowIsShownAsItIs() {
        OrderView old = view(OrderStatus.CONFIRMED, NOW.minus(Duration.ofMinutes(3)));

        assertThat(statuses.visible(old, NOW)).isEqualTo(old);
    }
}
