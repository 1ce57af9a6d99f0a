package io.fastship.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {

    private static final DeclineRules RULES = new DeclineRules(10_000);

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
}
