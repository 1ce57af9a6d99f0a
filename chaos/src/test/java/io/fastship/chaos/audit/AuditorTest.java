package io.fastship.chaos.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.fastship.events.InventoryStatus;
import io.fastship.events.OrderStatus;
import io.fastship.events.PaymentStatus;
import org.junit.jupiter.api.Test;

class AuditorTest {

    private static List<Guarantee> broken(AuditResult result) {
        return result.violations().stream().map(Violation::guarantee).toList();
    }

    @Test
    void aCleanRunPassesEveryGuarantee() {
        Story story = new Story().seed("SKU-1", 10)
                .confirmed("o-1", "SKU-1", 2, 500)
                .order("o-2", "SKU-1", 3, 100).inventory("o-2", InventoryStatus.RESERVED)
                .payment("o-2", PaymentStatus.DECLINED).status("o-2", OrderStatus.CANCELLED, "payment declined")
                .inventory("o-2", InventoryStatus.RELEASED).charged("o-2", 0, 0)
                .serviceCounts("SKU-1", 8, 2)
                .poison("chaos-poison-1", "payment-service.dlq", "inventory-service.dlq");

        AuditResult result = story.audit();

        assertThat(result.violations()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.countsByGuarantee()).containsOnlyKeys(Guarantee.values()).allSatisfy((g, n) -> assertThat(n).isZero());
    }

    @Test
    void anAcceptedOrderWithoutFinalStatusIsLost() {
        Story story = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100)
                .inventory("o-1", InventoryStatus.RESERVED).status("o-1", OrderStatus.PENDING, null);

        AuditResult result = story.audit();

        assertThat(broken(result)).containsExactly(Guarantee.FINAL_STATUS);
        assertThat(result.violations().get(0).orderId()).isEqualTo("o-1");
        assertThat(result.violations().get(0).detail()).contains("no final status");
    }

    @Test
    void anAcceptedOrderThatNeverReachedTheOrdersTopicIsLost() {
        Story story = new Story();
        story.accepted().add(new AcceptedOrder("ghost", Story.T0));

        assertThat(story.audit().violations()).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("not on the orders topic"));
    }

    @Test
    void aFinalStatusThatChangesIsAFlipAndARepeatedOneADuplicate() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 1, 100)
                .status("o-1", OrderStatus.CONFIRMED, null).status("o-1", OrderStatus.CANCELLED, "timeout");

        assertThat(broken(story.audit())).containsExactlyInAnyOrder(Guarantee.STATUS_ONCE, Guarantee.NO_FLIP);
    }

    @Test
    void oneMoreCancelledCarryingALateOutcomeIsByDesignButTheSameOneTwiceIsADuplicate() {
        Story story = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100)
                .inventory("o-1", InventoryStatus.REJECTED).status("o-1", OrderStatus.CANCELLED, "out of stock")
                .payment("o-1", PaymentStatus.AUTHORIZED)
                .status("o-1", OrderStatus.CANCELLED, "out of stock", PaymentStatus.AUTHORIZED)
                .payment("o-1", PaymentStatus.REFUNDED).charged("o-1", 100, 100);

        assertThat(story.audit().violations()).isEmpty();

        story.status("o-1", OrderStatus.CANCELLED, "out of stock", PaymentStatus.AUTHORIZED);
        assertThat(broken(story.audit())).containsExactly(Guarantee.STATUS_ONCE);
    }

    @Test
    void twoPaymentEventsOfOneStatusAreADuplicate() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 1, 100)
                .payment("o-1", PaymentStatus.AUTHORIZED);

        assertThat(story.audit().violations()).singleElement().satisfies(v -> {
            assertThat(v.guarantee()).isEqualTo(Guarantee.PAYMENT_ONCE);
            assertThat(v.detail()).isEqualTo("2 x AUTHORIZED");
        });
    }

    @Test
    void aPaymentBothAuthorizedAndDeclinedIsBroken() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 1, 100)
                .payment("o-1", PaymentStatus.DECLINED);

        assertThat(broken(story.audit())).containsExactly(Guarantee.PAYMENT_ONCE);
    }

    @Test
    void twoInventoryEventsOfOneStatusAreADuplicate() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 1, 100)
                .inventory("o-1", InventoryStatus.RESERVED);

        // The second reservation also drives the replayed count: 2 units reserved by the topics for a 1-unit order.
        assertThat(broken(story.audit())).containsExactly(Guarantee.INVENTORY_ONCE);
    }

    @Test
    void aCancelledOrderThatWasPaidAndReservedMustBeRefundedAndReleased() {
        Story story = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 4, 100)
                .inventory("o-1", InventoryStatus.RESERVED).payment("o-1", PaymentStatus.AUTHORIZED)
                .pause(30).status("o-1", OrderStatus.CANCELLED, "timeout").charged("o-1", 400, 0);

        AuditResult result = story.audit();

        assertThat(result.violations()).extracting(Violation::guarantee)
                .containsExactlyInAnyOrder(Guarantee.COMPENSATED, Guarantee.COMPENSATED, Guarantee.LEDGER,
                        Guarantee.NO_TIMEOUT_WITH_OUTCOMES);
        assertThat(result.violations()).filteredOn(v -> v.guarantee() == Guarantee.COMPENSATED)
                .extracting(Violation::units).containsExactlyInAnyOrder(0L, 4L);
    }

    @Test
    void aConfirmedOrderMustBeAuthorizedAndReserved() {
        Story story = new Story().order("o-1", "SKU-1", 1, 100).status("o-1", OrderStatus.CONFIRMED, null);

        assertThat(story.audit().violations()).extracting(Violation::detail)
                .containsExactlyInAnyOrder("CONFIRMED but payment never AUTHORIZED", "CONFIRMED but stock never RESERVED");
    }

    @Test
    void theLedgerMustNetTheTotalOfAConfirmedOrderAndNothingOfACancelledOne() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 1, 100).charged("o-1", 0, 0)
                .confirmed("o-2", "SKU-1", 1, 100).charged("o-2", 200, 100)
                .order("o-3", "SKU-1", 1, 100).inventory("o-3", InventoryStatus.REJECTED)
                .payment("o-3", PaymentStatus.AUTHORIZED).status("o-3", OrderStatus.CANCELLED, "out of stock")
                .payment("o-3", PaymentStatus.REFUNDED).charged("o-3", 100, 100);

        AuditResult result = story.audit();

        assertThat(result.violations()).extracting(Violation::orderId).containsExactlyInAnyOrder("o-1", "o-2");
        assertThat(result.violations()).allSatisfy(v -> assertThat(v.guarantee()).isEqualTo(Guarantee.LEDGER));
        assertThat(result.violations()).filteredOn(v -> v.orderId().equals("o-2")).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("more than once"));
    }

    @Test
    void withoutAGatewayTheLedgerIsNotChecked() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 1, 100).charged("o-1", 0, 0).noLedger();

        assertThat(story.audit().violations()).isEmpty();
    }

    @Test
    void theServiceMustCountWhatTheTopicsSay() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 3, 100)
                .serviceCounts("SKU-1", 6, 3);

        assertThat(story.audit().violations()).singleElement().satisfies(v -> {
            assertThat(v.guarantee()).isEqualTo(Guarantee.STOCK_CONSERVED);
            assertThat(v.subject()).isEqualTo("SKU-1");
            assertThat(v.units()).isEqualTo(1);
            assertThat(v.orderId()).isNull();
        });
    }

    @Test
    void releasingWhatWasNeverReservedDrivesTheCountNegative() {
        Story story = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 2, 100)
                .inventory("o-1", InventoryStatus.RELEASED);

        assertThat(story.audit().violations()).filteredOn(v -> v.guarantee() == Guarantee.STOCK_CONSERVED)
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("reserved -2"));
    }

    @Test
    void reservingMoreThanThereIsDrivesAvailableNegative() {
        Story story = new Story().seed("SKU-1", 1).confirmed("o-1", "SKU-1", 2, 100);

        assertThat(story.audit().violations()).singleElement().satisfies(v -> {
            assertThat(v.guarantee()).isEqualTo(Guarantee.STOCK_CONSERVED);
            assertThat(v.detail()).contains("available -1");
        });
    }

    @Test
    void stockSetLaterKeepsWhatIsReservedAndAddsToTheInitialUnits() {
        Story story = new Story().seed("SKU-1", 5).confirmed("o-1", "SKU-1", 2, 100).seed("SKU-1", 7)
                .serviceCounts("SKU-1", 7, 2);

        assertThat(story.audit().violations()).isEmpty();
    }

    @Test
    void onlyTheInjectedPoisonMayBeDeadLettered() {
        Story story = new Story().seed("SKU-1", 10).confirmed("o-1", "SKU-1", 1, 100)
                .poison("chaos-poison-1", "order-service.dlq")
                .poison("chaos-poison-2")
                .deadLetter("inventory-service.dlq", "o-1");

        AuditResult result = story.audit();

        assertThat(result.violations()).extracting(Violation::guarantee)
                .containsExactlyInAnyOrder(Guarantee.DEAD_LETTERS_ONLY_POISON, Guarantee.POISON_DEAD_LETTERED);
        assertThat(result.violations()).filteredOn(v -> v.guarantee() == Guarantee.DEAD_LETTERS_ONLY_POISON)
                .singleElement().satisfies(v -> assertThat(v.orderId()).isEqualTo("o-1"));
    }

    @Test
    void aTimeoutWithBothOutcomesAlreadyDecidedIsFlagged() {
        Story story = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100)
                .inventory("o-1", InventoryStatus.RESERVED).payment("o-1", PaymentStatus.AUTHORIZED)
                .pause(30).status("o-1", OrderStatus.CANCELLED, "timeout").payment("o-1", PaymentStatus.REFUNDED)
                .inventory("o-1", InventoryStatus.RELEASED).charged("o-1", 100, 100);

        assertThat(story.audit().violations()).singleElement()
                .satisfies(v -> assertThat(v.guarantee()).isEqualTo(Guarantee.NO_TIMEOUT_WITH_OUTCOMES));
    }

    @Test
    void aTimeoutWithAnOutcomeMissingOrAppendedWithinTheToleranceOfTheDeadlineIsFine() {
        Story missing = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100)
                .inventory("o-1", InventoryStatus.RESERVED).pause(30).status("o-1", OrderStatus.CANCELLED, "timeout")
                .inventory("o-1", InventoryStatus.RELEASED);
        // The order at T0+2 s is due at T0+32 s; its outcomes reached their topics at T0+30 s and T0+31 s.
        Story late = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100).pause(27)
                .inventory("o-1", InventoryStatus.RESERVED).payment("o-1", PaymentStatus.DECLINED)
                .status("o-1", OrderStatus.CANCELLED, "timeout").inventory("o-1", InventoryStatus.RELEASED);

        assertThat(missing.audit().violations()).isEmpty();
        // Payment appended one second before the deadline: within a tolerance of two seconds, a race of clocks.
        assertThat(new Auditor(Duration.ofSeconds(2)).audit(late.input()).violations()).isEmpty();
        assertThat(new Auditor(Duration.ofMillis(500)).audit(late.input()).violations()).extracting(Violation::guarantee)
                .containsExactly(Guarantee.NO_TIMEOUT_WITH_OUTCOMES);
    }

    @Test
    void aTimeoutIsJudgedByTheDeadlineNotByWhenTheSagaGotToIt() {
        // Both outcomes appended after the deadline (T0+32 s), the cancellation much later: a legitimate timeout.
        Story afterDeadline = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100).pause(31)
                .inventory("o-1", InventoryStatus.RESERVED).payment("o-1", PaymentStatus.AUTHORIZED).pause(10)
                .status("o-1", OrderStatus.CANCELLED, "timeout").payment("o-1", PaymentStatus.REFUNDED)
                .inventory("o-1", InventoryStatus.RELEASED).charged("o-1", 100, 100);
        // Both appended well before a 60 s deadline, the cancellation soon after: the saga cancelled too early.
        Story beforeDeadline = new Story().seed("SKU-1", 10).order("o-1", "SKU-1", 1, 100)
                .inventory("o-1", InventoryStatus.RESERVED).payment("o-1", PaymentStatus.AUTHORIZED).pause(5)
                .status("o-1", OrderStatus.CANCELLED, "timeout").payment("o-1", PaymentStatus.REFUNDED)
                .inventory("o-1", InventoryStatus.RELEASED).charged("o-1", 100, 100);

        assertThat(afterDeadline.audit().violations()).isEmpty();
        assertThat(new Auditor(Duration.ofSeconds(1), Duration.ofSeconds(60)).audit(beforeDeadline.input())
                .violations()).extracting(Violation::guarantee).containsExactly(Guarantee.NO_TIMEOUT_WITH_OUTCOMES);
    }

    @Test
    void ordersNotAcceptedInThisRunAreNotJudged() {
        Story story = new Story().seed("SKU-1", 10).order("old", "SKU-1", 1, 100);
        story.accepted().clear();

        assertThat(story.audit().violations()).isEmpty();
    }
}
