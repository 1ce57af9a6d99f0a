package io.fastship.payment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastship.payment.gateway.Charge;
import io.fastship.payment.gateway.GatewayResponse;
import io.fastship.payment.gateway.GatewayUnavailableException;
import io.fastship.payment.gateway.PaymentGateway;
import io.fastship.payment.gateway.Refund;
import io.fastship.payment.gateway.SimulatedPaymentGateway;
import io.fastship.payment.gateway.SimulationRules;

/**
 * The simulated gateway with scripted transient failures chosen by token: {@code tok_flaky_<n>} fails the first
 * n calls of an order, {@code tok_down} fails (with an unknown outcome, lookups too) until {@link #recover()}.
 * Counts calls per order.
 */
final class ScriptedGateway implements PaymentGateway {

    static final String DOWN = "tok_down";
    static final long LIMIT = 50_000;

    final SimulatedPaymentGateway simulated = new SimulatedPaymentGateway(new SimulationRules(LIMIT), Duration.ZERO,
            0.0, () -> 1.0, Sleeper.SYSTEM);
    final Map<String, AtomicInteger> authorizeCalls = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> refundCalls = new ConcurrentHashMap<>();
    private final java.util.Set<String> downOrders = ConcurrentHashMap.newKeySet();
    private volatile boolean down = true;

    static String flaky(int failures) {
        return "tok_flaky_" + failures;
    }

    @Override
    public GatewayResponse authorize(Charge charge) {
        int call = authorizeCalls.computeIfAbsent(charge.orderId(), id -> new AtomicInteger()).incrementAndGet();
        if (charge.paymentToken().equals(DOWN) && down) {
            downOrders.add(charge.orderId());
            throw new GatewayUnavailableException("scripted: gateway timed out", true);
        }
        if (charge.paymentToken().startsWith("tok_flaky_")
                && call <= Integer.parseInt(charge.paymentToken().substring("tok_flaky_".length()))) {
            throw new GatewayUnavailableException("scripted: failure " + call, false);
        }
        return simulated.authorize(charge);
    }

    @Override
    public GatewayResponse refund(Refund refund) {
        refundCalls.computeIfAbsent(refund.orderId(), id -> new AtomicInteger()).incrementAndGet();
        return simulated.refund(refund);
    }

    @Override
    public java.util.Optional<GatewayResponse> lookup(String orderId) {
        if (down && downOrders.contains(orderId)) {
            throw new GatewayUnavailableException("scripted: gateway unreachable", false);
        }
        return simulated.lookup(orderId);
    }

    /** Ends the scripted outage of {@code tok_down} orders. */
    void recover() {
        down = false;
    }

    int authorizeCalls(String orderId) {
        AtomicInteger calls = authorizeCalls.get(orderId);
        return calls == null ? 0 : calls.get();
    }
}
