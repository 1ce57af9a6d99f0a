package io.fastship.bench.stack;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The environment every service of a stack the bench starts gets: what the phases need, then the user's tuning. */
public final class OwnedStackEnv {

    static final String GATEWAY_LATENCY = "PAYMENT_GATEWAY_LATENCY_MS";
    static final String MAX_OPEN_ORDERS = "ORDER_MAX_OPEN";
    /** {@code ORDER_MAX_OPEN} that turns admission control off. */
    private static final String NO_LIMIT = "0";

    private OwnedStackEnv() {
    }

    /**
     * The main stack: no gateway latency, and admission control off except in a soak. The intake burst measures what
     * the HTTP path accepts; with admission control on, the order service refuses all but its first 2,000 orders
     * (503 overloaded) and the burst measures the refusal. A soak keeps it, to run as production does.
     */
    public static Map<String, String> main(Map<String, String> tuning, boolean soak, Optional<Duration> stateRetention) {
        Map<String, String> env = new HashMap<>();
        env.put(GATEWAY_LATENCY, "0");
        if (!soak) {
            env.put(MAX_OPEN_ORDERS, NO_LIMIT);
        }
        stateRetention.ifPresent(d -> env.put("STATE_RETENTION", d.toString()));
        env.putAll(tuning);
        return env;
    }

    /** The scaling stack: its backlog waits for payment instances not yet started, so admission control is off too. */
    public static Map<String, String> scaling(Map<String, String> tuning, int gatewayLatencyMs) {
        Map<String, String> env = new HashMap<>();
        env.put(MAX_OPEN_ORDERS, NO_LIMIT);
        env.putAll(tuning);
        env.put(GATEWAY_LATENCY, Integer.toString(gatewayLatencyMs));
        return env;
    }

    /** How the report's stack line says it: the gateway latency and whether admission control is on. */
    public static String describe(Map<String, String> env) {
        return "gateway latency " + env.get(GATEWAY_LATENCY) + " ms, admission control "
                + (NO_LIMIT.equals(env.get(MAX_OPEN_ORDERS)) ? "off" : "on");
    }
}
