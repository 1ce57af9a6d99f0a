package io.fastship.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger's idempotency, totals and ledger file, with keys as the payment service sends them and others. */
class LedgerTest {

    private static final DeclineRules RULES = new DeclineRules(10_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheTotalsRightAcrossChargesReplaysDeclinesAndRefunds() {
        try (Ledger ledger = new Ledger(RULES, LedgerFile.none())) {
            Ledger.Charged paid = ledger.charge("k-1", "o-1", 500, "EUR", "tok_ok");
            ledger.charge("k-1", "o-1", 500, "EUR", "tok_ok");
            ledger.charge("k-2", "o-2", 700, "EUR", DeclineRules.DECLINE_TOKEN);
            Ledger.Charged refundable = ledger.charge("k-3", "o-3", 300, "EUR", "tok_ok");
            ledger.refund(refundable.charge().chargeId());
            ledger.refund(refundable.charge().chargeId());

            assertThat(paid.created()).isTrue();
            assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(3, 800, 300, 500));
            assertThat(ledger.order("o-1")).isEqualTo(new Ledger.OrderTotals("o-1", 500, 0, 500, "EUR"));
            assertThat(ledger.order("o-2")).isEqualTo(new Ledger.OrderTotals("o-2", 0, 0, 0, "EUR"));
            assertThat(ledger.order("o-3")).isEqualTo(new Ledger.OrderTotals("o-3", 300, 300, 0, "EUR"));
            assertThat(ledger.order("never")).isEqualTo(new Ledger.OrderTotals("never", 0, 0, 0, null));
        }
    }

    @Test
    void shouldAnswerEveryOutcomeOfThePaymentServicesKeysTheSameBeforeAndAfterAReload() {
        String paidOrder = UUID.randomUUID().toString();
        String declinedOrder = UUID.randomUUID().toString();
        String refundedOrder = UUID.randomUUID().toString();
        ChargeRecord paid;
        ChargeRecord declined;
        ChargeRecord refunded;
        try (Ledger ledger = new Ledger(RULES, LedgerFile.in(dir))) {
            paid = ledger.charge(key(paidOrder), paidOrder, 500, "EUR", "tok_ok").charge();
            Ledger.Charged replay = ledger.charge(key(paidOrder), paidOrder, 500, "EUR", "tok_ok");
            declined = ledger.charge(key(declinedOrder), declinedOrder, 700, "EUR", DeclineRules.DECLINE_TOKEN)
                    .charge();
            ChargeRecord toRefund = ledger.charge(key(refundedOrder), refundedOrder, 300, "EUR", "tok_ok").charge();
            Ledger.Refunded refund = ledger.refund(toRefund.chargeId());
            Ledger.Refunded refundAgain = ledger.refund(toRefund.chargeId());
            Ledger.Refunded declinedRefund = ledger.refund(declined.chargeId());
            refunded = refund.charge().orElseThrow();

            assertThat(replay).isEqualTo(new Ledger.Charged(paid, false));
            assertThat(paid.chargeId()).startsWith("ch_").isNotEqualTo(toRefund.chargeId());
            assertThat(declined.declineReason()).isEqualTo("card declined by issuer");
            assertThat(refund.created()).isTrue();
            assertThat(refunded.refundId()).startsWith("re_");
            assertThat(refundAgain).isEqualTo(new Ledger.Refunded(refund.charge(), true, false));
            assertThat(declinedRefund).isEqualTo(new Ledger.Refunded(java.util.Optional.of(declined), false, false));
            assertThat(ledger.refund("ch_" + UUID.randomUUID()).charge()).isEmpty();
            assertThat(ledger.byIdempotencyKey(key(refundedOrder))).contains(refunded);
            assertThatTheBooksOf(ledger, paidOrder, declinedOrder, refundedOrder);
        }

        try (Ledger reloaded = new Ledger(RULES, LedgerFile.in(dir))) {
            assertThat(reloaded.byIdempotencyKey(key(paidOrder))).contains(paid);
            assertThat(reloaded.byIdempotencyKey(key(declinedOrder))).contains(declined);
            assertThat(reloaded.byIdempotencyKey(key(refundedOrder))).contains(refunded);
            assertThat(reloaded.charge(key(paidOrder), paidOrder, 500, "EUR", "tok_ok"))
                    .isEqualTo(new Ledger.Charged(paid, false));
            assertThat(reloaded.refund(refunded.chargeId()))
                    .isEqualTo(new Ledger.Refunded(java.util.Optional.of(refunded), true, false));
            assertThat(reloaded.refund(declined.chargeId()).refundable()).isFalse();
            assertThatTheBooksOf(reloaded, paidOrder, declinedOrder, refundedOrder);
        }
    }

    private static void assertThatTheBooksOf(Ledger ledger, String paid, String declined, String refunded) {
        assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(3, 800, 300, 500));
        assertThat(ledger.order(paid)).isEqualTo(new Ledger.OrderTotals(paid, 500, 0, 500, "EUR"));
        assertThat(ledger.order(declined)).isEqualTo(new Ledger.OrderTotals(declined, 0, 0, 0, "EUR"));
        assertThat(ledger.order(refunded)).isEqualTo(new Ledger.OrderTotals(refunded, 300, 300, 0, "EUR"));
    }

    @Test
    void shouldSumEveryKeyOfAnOrder() {
        try (Ledger ledger = new Ledger(RULES, LedgerFile.none())) {
            ledger.charge("first", "o-many", 100, "EUR", "tok_ok");
            ledger.charge("second", "o-many", 200, "EUR", "tok_ok");
            Ledger.Charged third = ledger.charge("third", "o-many", 400, "EUR", "tok_ok");
            ledger.charge("other", "o-other", 800, "EUR", "tok_ok");
            ledger.refund(third.charge().chargeId());

            assertThat(ledger.order("o-many")).isEqualTo(new Ledger.OrderTotals("o-many", 700, 400, 300, "EUR"));
            assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(4, 1_500, 400, 1_100));
        }
    }

    @Test
    void shouldSumEveryKeyOfAnOrderWithAUuidIdAndTellTheNewestCurrency() {
        String order = UUID.randomUUID().toString();
        try (Ledger ledger = new Ledger(RULES, LedgerFile.in(dir))) {
            ledger.charge(key(order), order, 100, "EUR", "tok_ok");
            ledger.charge("retry-" + order, order, 200, "EUR", DeclineRules.DECLINE_TOKEN);
            Ledger.Charged third = ledger.charge("manual-" + order, order, 400, "USD", "tok_ok");
            ledger.refund(third.charge().chargeId());

            assertThat(ledger.order(order)).isEqualTo(new Ledger.OrderTotals(order, 500, 400, 100, "USD"));
        }
        try (Ledger reloaded = new Ledger(RULES, LedgerFile.in(dir))) {
            assertThat(reloaded.order(order)).isEqualTo(new Ledger.OrderTotals(order, 500, 400, 100, "USD"));
            assertThat(reloaded.totals()).isEqualTo(new Ledger.Totals(3, 500, 400, 100));
        }
    }

    @Test
    void shouldRebuildTheSameTotalsFromTheLedgerFile() {
        Ledger.Totals before;
        Ledger.OrderTotals order;
        try (Ledger ledger = new Ledger(RULES, LedgerFile.in(dir))) {
            ledger.charge("k-1", "o-1", 500, "EUR", "tok_ok");
            Ledger.Charged refunded = ledger.charge("k-2", "o-2", 250, "USD", "tok_ok");
            ledger.refund(refunded.charge().chargeId());
            ledger.charge("k-3", "o-1", 50, "EUR", "tok_ok");
            before = ledger.totals();
            order = ledger.order("o-1");
        }

        try (Ledger reloaded = new Ledger(RULES, LedgerFile.in(dir))) {
            assertThat(reloaded.totals()).isEqualTo(before).isEqualTo(new Ledger.Totals(3, 800, 250, 550));
            assertThat(reloaded.order("o-1")).isEqualTo(order);
            assertThat(reloaded.order("o-2")).isEqualTo(new Ledger.OrderTotals("o-2", 250, 250, 0, "USD"));
            // The same key still answers with its first charge after the reload.
            assertThat(reloaded.charge("k-1", "o-1", 999, "EUR", "tok_ok").created()).isFalse();
        }
    }

    @Test
    void shouldLoadALedgerFileWrittenWithRandomIds() throws IOException {
        // As the gateway wrote its ledger before ids were derived from keys: random ids, a refund as a second line.
        String paidOrder = UUID.randomUUID().toString();
        String refundedOrder = UUID.randomUUID().toString();
        ChargeRecord paid = new ChargeRecord("ch_" + UUID.randomUUID(), key(paidOrder), paidOrder, 500, "EUR",
                ChargeRecord.SUCCEEDED, null, null);
        ChargeRecord charged = new ChargeRecord("ch_" + UUID.randomUUID(), key(refundedOrder), refundedOrder, 300,
                "EUR", ChargeRecord.SUCCEEDED, null, null);
        ChargeRecord refunded = charged.refunded("re_" + UUID.randomUUID());
        // An id of no UUID shape is kept as it is too.
        ChargeRecord declined = new ChargeRecord("ch_legacy-7", "k-d", "o-d", 20_000, "EUR",
                ChargeRecord.DECLINED, RULES.declineReason("tok_ok", 20_000, "EUR"), null);
        write(paid, charged, declined, refunded);

        ChargeRecord refundedNow;
        try (Ledger ledger = new Ledger(RULES, LedgerFile.in(dir))) {
            assertThat(ledger.byIdempotencyKey(key(paidOrder))).contains(paid);
            assertThat(ledger.byIdempotencyKey(key(refundedOrder))).contains(refunded);
            assertThat(ledger.byIdempotencyKey("k-d")).contains(declined);
            assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(3, 800, 300, 500));
            assertThat(ledger.refund(refunded.chargeId()))
                    .isEqualTo(new Ledger.Refunded(java.util.Optional.of(refunded), true, false));
            assertThat(ledger.refund(declined.chargeId()).refundable()).isFalse();
            Ledger.Refunded refund = ledger.refund(paid.chargeId());
            assertThat(refund.created()).isTrue();
            refundedNow = refund.charge().orElseThrow();
            assertThat(refundedNow.chargeId()).isEqualTo(paid.chargeId());
        }

        try (Ledger reloaded = new Ledger(RULES, LedgerFile.in(dir))) {
            assertThat(reloaded.byIdempotencyKey(key(paidOrder))).contains(refundedNow);
            assertThat(reloaded.refund(paid.chargeId()))
                    .isEqualTo(new Ledger.Refunded(java.util.Optional.of(refundedNow), true, false));
            assertThat(reloaded.totals()).isEqualTo(new Ledger.Totals(3, 800, 800, 0));
            assertThat(reloaded.order(paidOrder)).isEqualTo(new Ledger.OrderTotals(paidOrder, 500, 500, 0, "EUR"));
        }
    }

    @Test
    void shouldKeepKeysAndOrderIdsOfAnyShapeExactly() {
        String uuidOrder = UUID.randomUUID().toString();
        String otherOrder = UUID.randomUUID().toString();
        String upperOrder = UUID.randomUUID().toString().toUpperCase();
        List<ChargeRecord> charges;
        try (Ledger ledger = new Ledger(RULES, LedgerFile.in(dir))) {
            charges = List.of(
                    // The payment service's key of another order: it is stored, not derived from this order.
                    ledger.charge(key(otherOrder), uuidOrder, 100, "EUR", "tok_ok").charge(),
                    ledger.charge(key(uuidOrder), uuidOrder, 200, "EUR", "tok_ok").charge(),
                    ledger.charge(key(upperOrder), upperOrder, 400, "EUR", "tok_ok").charge(),
                    ledger.charge("charge-o-text", "o-text", 800, "EUR", "tok_ok").charge(),
                    ledger.charge("charge-", "", 1_600, "EUR", "tok_ok").charge());

            assertThat(charges).extracting(ChargeRecord::chargeId).doesNotHaveDuplicates();
            assertThat(ledger.byIdempotencyKey(key(otherOrder))).contains(charges.get(0));
            assertThat(ledger.byIdempotencyKey(key(upperOrder.toLowerCase()))).isEmpty();
            assertThat(ledger.order(otherOrder)).isEqualTo(new Ledger.OrderTotals(otherOrder, 0, 0, 0, null));
            assertThat(ledger.order(uuidOrder)).isEqualTo(new Ledger.OrderTotals(uuidOrder, 300, 0, 300, "EUR"));
            assertThat(ledger.order(upperOrder.toLowerCase()).chargedMinor()).isZero();
        }
        try (Ledger reloaded = new Ledger(RULES, LedgerFile.in(dir))) {
            for (ChargeRecord charge : charges) {
                assertThat(reloaded.byIdempotencyKey(charge.idempotencyKey())).contains(charge);
                assertThat(reloaded.charge(charge.idempotencyKey(), charge.orderId(), charge.amountMinor(), "EUR",
                        "tok_ok")).isEqualTo(new Ledger.Charged(charge, false));
            }
            assertThat(reloaded.order(upperOrder)).isEqualTo(new Ledger.OrderTotals(upperOrder, 400, 0, 400, "EUR"));
            assertThat(reloaded.order("")).isEqualTo(new Ledger.OrderTotals("", 1_600, 0, 1_600, "EUR"));
            assertThat(reloaded.totals()).isEqualTo(new Ledger.Totals(5, 3_100, 0, 3_100));
        }
    }

    @Test
    void shouldRefundNoChargeIdItNeverIssued() {
        String order = UUID.randomUUID().toString();
        String never = UUID.randomUUID().toString();
        try (Ledger ledger = new Ledger(RULES, LedgerFile.none())) {
            String chargeId = ledger.charge(key(order), order, 500, "EUR", "tok_ok").charge().chargeId();
            char last = chargeId.charAt(chargeId.length() - 1);
            String altered = chargeId.substring(0, chargeId.length() - 1) + (last == '0' ? '1' : '0');

            // The id a charge under that key would have had, had it been made.
            assertThat(ledger.refund(ChargeIds.chargeId(ChargeKeys.hash(key(never)))).charge()).isEmpty();
            assertThat(ledger.refund(altered).charge()).isEmpty();
            assertThat(ledger.refund(chargeId.toUpperCase()).charge()).isEmpty();
            assertThat(ledger.refund("nope").charge()).isEmpty();
            assertThat(ledger.totals()).isEqualTo(new Ledger.Totals(1, 500, 0, 500));
        }
    }

    private static String key(String orderId) {
        return "charge-" + orderId;
    }

    private void write(ChargeRecord... lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ChargeRecord line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(dir.resolve("ledger.jsonl"), text, StandardCharsets.UTF_8);
    }
}
