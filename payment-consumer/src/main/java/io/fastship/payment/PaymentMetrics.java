package io.fastship.payment;

import io.micrometer.core.instrument.MeterRegistry;

/** The payment service's own meters; outcome counters are bumped only after their transaction committed. */
public final class PaymentMetrics {

    private final MeterRegistry registry;

    public PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A PaymentEvent committed, by status (AUTHORIZED, DECLINED, REFUNDED). */
    public void processed(String status) {
        registry.counter("fastship_payments_processed_total", "status", status).increment();
    }

    /** A decline committed, by kind: gateway, refunded_first, order_cancelled. */
    public void declined(String kind) {
        registry.counter("fastship_payments_declined_total", "reason", kind).increment();
    }

    /** A gateway call retried after a transient failure (counted when it happens, committed or not). */
    public void retried() {
        registry.counter("fastship_payment_gateway_retries_total").increment();
    }

    /** A record left for a later batch because the gateway could not say what happened, by call. */
    public void waiting(String call) {
        registry.counter("fastship_payment_gateway_waits_total", "call", call).increment();
    }

    /** A gateway call that failed in a way that may have taken effect (timeout, dropped connection, 5xx). */
    public void ambiguous(String call) {
        registry.counter("fastship_payment_gateway_ambiguous_total", "call", call).increment();
    }

    /** A charge looked up by idempotency key, by result (found, absent). */
    public void lookedUp(String result) {
        registry.counter("fastship_payment_gateway_lookups_total", "result", result).increment();
    }

    /** A duplicate OrderCreated or repeated cancellation that needed no new PaymentEvent. */
    public void duplicate(String kind) {
        registry.counter("fastship_payments_duplicates_total", "kind", kind).increment();
    }

    /** A record sent to the dead-letter topic, by stage (deserialization, processing). */
    public void deadLettered(String stage) {
        registry.counter("fastship_dead_letters_total", "stage", stage).increment();
    }

    /** The gateway decisions' observations, counted here. */
    public io.fastship.payment.gateway.GatewayDecisions.Listener decisionListener() {
        return new io.fastship.payment.gateway.GatewayDecisions.Listener() {
            @Override
            public void ambiguous(String call) {
                PaymentMetrics.this.ambiguous(call);
            }

            @Override
            public void lookedUp(String result) {
                PaymentMetrics.this.lookedUp(result);
            }
        };
    }
}
