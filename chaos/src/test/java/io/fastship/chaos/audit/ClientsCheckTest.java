package io.fastship.chaos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentStatus;
import org.junit.jupiter.api.Test;

class ClientsCheckTest {

    private static Story confirmedWithPending() {
        return new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100)
                .status("o-1", OrderStatus.PENDING, null).inventory("o-1", InventoryStatus.RESERVED)
                .payment("o-1", PaymentStatus.AUTHORIZED).status("o-1", OrderStatus.CONFIRMED, null)
                .charged("o-1", 100, 0);
    }

    @Test
    void statusesToldThatWereCommittedPass() {
        Story story = confirmedWithPending().told("o-1", "PENDING").told("o-1", "CONFIRMED")
                .told("o-1", "CONFIRMED");

        AuditResult result = story.audit();

        assertThat(result.violations()).isEmpty();
        assertThat(result.input().clients().watched()).containsExactly("o-1");
        assertThat(result.input().clients().sawFinal()).isEqualTo(1);
    }

    @Test
    void aStatusToldThatWasNeverCommittedFailsOnceHoweverOftenItWasTold() {
        // The saga's store said CANCELLED inside a transaction that aborted; the retry confirmed the order.
        Story story = confirmedWithPending().told("o-1", "PENDING").told("o-1", "CANCELLED")
                .told("o-1", "CANCELLED");

        assertThat(story.audit().violations()).singleElement().satisfies(v -> {
            assertThat(v.guarantee()).isEqualTo(Guarantee.CLIENTS_SAW_COMMITTED);
            assertThat(v.orderId()).isEqualTo("o-1");
            assertThat(v.detail()).contains("told CANCELLED").contains("no committed CANCELLED");
        });
    }

    @Test
    void aPendingToldOfAnOrderWithNothingCommittedFails() {
        Story story = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100).told("o-1", "PENDING");

        assertThat(story.audit().violations()).extracting(Violation::guarantee)
                .contains(Guarantee.CLIENTS_SAW_COMMITTED);
    }

    @Test
    void aFinalToldThatIsNotTheCommittedFinalFails() {
        // Both finals are on the topic (a flip), the client was told the second: not what the order ended as.
        Story story = confirmedWithPending().status("o-1", OrderStatus.CANCELLED, "timeout")
                .told("o-1", "CANCELLED");

        assertThat(story.audit().violations()).filteredOn(v -> v.guarantee() == Guarantee.CLIENTS_SAW_COMMITTED)
                .singleElement().satisfies(v -> assertThat(v.detail())
                        .contains("told final CANCELLED").contains("committed final is CONFIRMED"));
    }

    @Test
    void withoutWatchingClientsTheCheckHasNothingToJudge() {
        assertThat(confirmedWithPending().audit().violations()).isEmpty();
        AuditInput withoutClients = new AuditInput(confirmedWithPending().input().evidence(), List.of(), Set.of(),
                Optional.empty(), Optional.empty());
        assertThat(withoutClients.clients()).isEqualTo(ClientsTold.NONE);
        assertThat(new ClientsCheck().check(withoutClients, new Finals(List.of()))).isEmpty();
    }
}
