package io.fastship.payment.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

class SimulatedPaymentGatewayTest {

    private final List<Duration> slept = new ArrayList<>();

    private SimulatedPaymentGateway gateway(long limit, double failureRate, DoubleSupplier random) {
        return new SimulatedPaymentGateway(new SimulationRules(limit), Duration.ofMillis(25), failureRate, random,
                slept::add);
    }

    @Test
    void authorizesUpToTheLimitAndDeclinesAboveItOrForTheDeclineToken() {
        SimulatedPaymentGateway gateway = gateway(1_000, 0, () -> 1.0);

        assertThat(gateway.authorize(new Charge("o1", "tok_visa", 1_000, "EUR")).outcome())
                .isEqualTo(GatewayResponse.Outcome.AUTHORIZED);
        GatewayResponse over = gateway.authorize(new Charge("o2", "tok_visa", 1_001, "EUR"));
        assertThat(over.outcome()).isEqualTo(GatewayResponse.Outcome.DECLINED);
        assertThat(over.reason()).contains("exceeds the limit of 1000");
        GatewayResponse card = gateway.authorize(new Charge("o3", SimulationRules.DECLINE_TOKEN, 5, "EUR"));
        assertThat(card.outcome()).isEqualTo(GatewayResponse.Outcome.DECLINED);
        assertThat(card.reason()).contains("declined");
        assertThat(slept).containsOnly(Duration.ofMillis(25)).hasSize(3);
    }

    @Test
    void aRepeatedChargeForTheSameOrderReturnsTheFirstAnswerAndChargesOnce() {
        SimulatedPaymentGateway gateway = gateway(1_000, 0, () -> 1.0);

        GatewayResponse first = gateway.authorize(new Charge("o1", "tok_visa", 500, "EUR"));
        GatewayResponse again = gateway.authorize(new Charge("o1", "tok_visa", 500, "EUR"));

        assertThat(again).isEqualTo(first);
        assertThat(gateway.captured()).containsExactly(java.util.Map.entry("o1", 500L));
        assertThat(gateway.calls()).isEqualTo(2);
    }

    @Test
    void aTimeoutAfterTheChargeStillChargesOnceWhenRetried() {
        // failure draw 0.1 < rate 0.5, then "before?" draw 0.9 >= 0.5: fails after recording the charge.
        double[] draws = {0.1, 0.9, 0.9};
        int[] next = {0};
        SimulatedPaymentGateway gateway = gateway(1_000, 0.5, () -> draws[next[0]++]);

        assertThatThrownBy(() -> gateway.authorize(new Charge("o1", "tok_visa", 500, "EUR")))
                .isInstanceOf(GatewayUnavailableException.class).hasMessageContaining("after");
        GatewayResponse retried = gateway.authorize(new Charge("o1", "tok_visa", 500, "EUR"));

        assertThat(retried.outcome()).isEqualTo(GatewayResponse.Outcome.AUTHORIZED);
        assertThat(gateway.captured()).hasSize(1);
    }

    @Test
    void refundsAnAuthorizedChargeOnceAndNothingElse() {
        SimulatedPaymentGateway gateway = gateway(1_000, 0, () -> 1.0);
        gateway.authorize(new Charge("paid", "tok_visa", 500, "EUR"));
        gateway.authorize(new Charge("declined", "tok_decline", 500, "EUR"));

        GatewayResponse refund = gateway.refund(new Refund("paid", "ch", 500, "EUR", "cancelled"));
        GatewayResponse again = gateway.refund(new Refund("paid", "ch", 500, "EUR", "cancelled"));

        assertThat(refund.outcome()).isEqualTo(GatewayResponse.Outcome.REFUNDED);
        assertThat(again).isEqualTo(refund);
        assertThat(gateway.refunds()).isEqualTo(1);
        assertThat(gateway.captured()).isEmpty();
        assertThat(gateway.refund(new Refund("declined", "ch", 500, "EUR", "x")).outcome())
                .isEqualTo(GatewayResponse.Outcome.NOT_REFUNDABLE);
        assertThat(gateway.refund(new Refund("unknown", "ch", 500, "EUR", "x")).outcome())
                .isEqualTo(GatewayResponse.Outcome.NOT_REFUNDABLE);
    }

    @Test
    void rejectsAFailureRateOutsideZeroToOne() {
        assertThatThrownBy(() -> gateway(1, 1.5, () -> 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
