package io.fastship.localstack.process;

import java.util.List;
import java.util.Map;

import io.fastship.localstack.LocalStackOptions;

/**
 * The environment that ties the payment gateway in: its own port and ledger directory, its latency from the
 * older {@code PAYMENT_GATEWAY_LATENCY_MS} setting when only that is given, and its URL for payment instances.
 */
public final class GatewayEnv {

    private GatewayEnv() {
    }

    public static void add(ServiceKind kind, String name, int port, LocalStackOptions options,
                           List<ServiceProcess> gateways, Map<String, String> env) {
        if (kind == ServiceKind.GATEWAY) {
            env.put("GATEWAY_HTTP_HOST", "127.0.0.1");
            env.put("GATEWAY_HTTP_PORT", Integer.toString(port));
            env.put("GATEWAY_DATA_DIR", options.dataDir().resolve(name).toAbsolutePath().toString());
            String legacyLatency = options.serviceEnv().get("PAYMENT_GATEWAY_LATENCY_MS");
            if (legacyLatency != null && !options.serviceEnv().containsKey("GATEWAY_LATENCY_MS")) {
                env.put("GATEWAY_LATENCY_MS", legacyLatency);
            }
        } else if (kind == ServiceKind.PAYMENT && !gateways.isEmpty()
                && !options.serviceEnv().containsKey("PAYMENT_GATEWAY_URL")) {
            env.put("PAYMENT_GATEWAY_URL", gateways.get(0).baseUrl());
        }
    }
}
