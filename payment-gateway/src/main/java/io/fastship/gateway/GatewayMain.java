package io.fastship.gateway;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.lifecycle.Closer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the simulated payment gateway from environment variables until SIGTERM. */
public final class GatewayMain {

    private static final Logger log = LoggerFactory.getLogger(GatewayMain.class);

    private GatewayMain() {
    }

    public static void main(String[] args) {
        GatewaySettings settings;
        try {
            settings = GatewaySettings.fromEnv(Env.system());
        } catch (ConfigException e) {
            System.err.println("payment-gateway: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            GatewayServer server = GatewayServer.start(settings);
            new Closer().closeOnShutdown(GatewayServer.SERVICE_ID).register(GatewayServer.SERVICE_ID, server);
        } catch (RuntimeException e) {
            log.error("Payment gateway failed to start", e);
            System.exit(1);
        }
    }
}
