package io.fastship.order;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the order service from environment variables; exit code 2 on bad configuration, 1 if it cannot start. */
public final class OrderServiceMain {

    private static final Logger log = LoggerFactory.getLogger(OrderServiceMain.class);

    private OrderServiceMain() {
    }

    public static void main(String[] args) {
        OrderServiceConfig config;
        Tracing tracing;
        try {
            config = OrderServiceConfig.fromEnv(Env.system());
            tracing = Tracing.fromEnv(Env.system(), OrderServiceConfig.SERVICE_ID);
        } catch (ConfigException e) {
            System.err.println("order-service: " + e.getMessage());
            System.exit(2);
            return;
        }
        Closer closer = new Closer();
        try {
            closer.register("order-service", OrderService.start(config, tracing));
        } catch (RuntimeException e) {
            log.error("order-service failed to start", e);
            System.exit(1);
        }
        closer.closeOnShutdown(OrderServiceConfig.SERVICE_ID);
    }
}
