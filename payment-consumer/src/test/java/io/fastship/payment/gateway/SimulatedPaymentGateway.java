package io.fastship.payment.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

import io.fastship.payment.Sleeper;

/**
 * An in-process gateway for unit and in-JVM tests (the real runs use the {@code payment-gateway} process): {@link SimulationRules} decide, every call takes
 * {@code latency}, and a share {@code failureRate} of calls fails transiently — half of those before the gateway
 * acts and half after (a timeout on a call that did go through, the case that double-charges when the caller
 * has no idempotency key).
 *
 * <p>Its ledger, keyed by orderId, is the idempotency: the first decision for an order is the answer to every
 * later call, so an order is charged at most once however often it is retried or redelivered. The ledger lives
 * in memory, so it lasts as long as the process; a real gateway keeps it on its side, across our restarts.
 */
public final class SimulatedPaymentGateway implements PaymentGateway {

    private final SimulationRules rules;
    private final Duration latency;
    private final double failureRate;
    private final DoubleSupplier random;
    private final Sleeper sleeper;
    private final Map<String, Entry> ledger = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    private record Entry(Charge charge, GatewayResponse authorization, GatewayResponse refund) {
    }

    public SimulatedPaymentGateway(SimulationRules rules, Duration latency, double failureRate, DoubleSupplier random,
                                   Sleeper sleeper) {
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate must be within 0..1, was " + failureRate);
        }
        this.rules = rules;
        this.latency = latency;
        this.failureRate = failureRate;
        this.random = random;
        this.sleeper = sleeper;
    }

    @Override
    public GatewayResponse authorize(Charge charge) {
        calls.incrementAndGet();
        boolean fails = fails();
        boolean failsBefore = fails && random.getAsDouble() < 0.5;
        simulateLatency();
        if (failsBefore) {
            throw new GatewayUnavailableException("simulated gateway refused " + charge.orderId(), false);
        }
        Entry entry = ledger.computeIfAbsent(charge.orderId(), id -> new Entry(charge, decide(charge), null));
        if (fails) {
            throw new GatewayUnavailableException("simulated gateway timeout after authorizing " + charge.orderId(), true);
        }
        return entry.authorization();
    }

    @Override
    public GatewayResponse refund(Refund refund) {
        calls.incrementAndGet();
        boolean fails = fails();
        simulateLatency();
        if (fails) {
            throw new GatewayUnavailableException("simulated gateway timeout refunding " + refund.orderId(), false);
        }
        Entry entry = ledger.computeIfPresent(refund.orderId(), (id, current) -> {
            if (current.refund() != null || current.authorization().outcome() != GatewayResponse.Outcome.AUTHORIZED) {
                return current;
            }
            return new Entry(current.charge(), current.authorization(),
                    new GatewayResponse(GatewayResponse.Outcome.REFUNDED, "re_" + UUID.randomUUID(), refund.reason()));
        });
        if (entry == null || entry.refund() == null) {
            return new GatewayResponse(GatewayResponse.Outcome.NOT_REFUNDABLE, null,
                    "no authorized charge for order " + refund.orderId());
        }
        return entry.refund();
    }

    @Override
    public java.util.Optional<GatewayResponse> lookup(String orderId) {
        Entry entry = ledger.get(orderId);
        if (entry == null) {
            return java.util.Optional.empty();
        }
        if (entry.refund() != null) {
            return java.util.Optional.of(new GatewayResponse(GatewayResponse.Outcome.REFUNDED,
                    entry.authorization().reference(), "refunded"));
        }
        return java.util.Optional.of(entry.authorization());
    }

    /** Amount captured and not refunded per order; an order appears once at most, whatever the retries. */
    public Map<String, Long> captured() {
        Map<String, Long> captured = new java.util.TreeMap<>();
        ledger.forEach((orderId, entry) -> {
            if (entry.authorization().outcome() == GatewayResponse.Outcome.AUTHORIZED && entry.refund() == null) {
                captured.put(orderId, entry.charge().amountMinor());
            }
        });
        return captured;
    }

    /** Orders refunded. */
    public long refunds() {
        return ledger.values().stream().filter(entry -> entry.refund() != null).count();
    }

    /** Every call received, retries included. */
    public long calls() {
        return calls.get();
    }

    private GatewayResponse decide(Charge charge) {
        String declined = rules.declineReason(charge);
        if (declined != null) {
            return new GatewayResponse(GatewayResponse.Outcome.DECLINED, "ch_" + UUID.randomUUID(), declined);
        }
        return new GatewayResponse(GatewayResponse.Outcome.AUTHORIZED, "ch_" + UUID.randomUUID(), null);
    }

    private boolean fails() {
        return failureRate > 0 && random.getAsDouble() < failureRate;
    }

    private void simulateLatency() {
        if (latency.isZero()) {
            return;
        }
        try {
            sleeper.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException("interrupted while waiting for the gateway", e, true);
        }
    }
}
