package io.fastship.payment;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the payment service from environment variables until SIGTERM. */
public final class PaymentServiceMain {

    private static final Logger log = LoggerFactory.getLogger(PaymentServiceMain.class);

    private PaymentServiceMain() {
    }

    public static void main(String[] args) {
        PaymentServiceConfig config;
        Tracing tracing;
        try {
            config = PaymentServiceConfig.fromEnv(Env.system());
            tracing = Tracing.fromEnv(Env.system(), PaymentTopics.SERVICE_ID);
        } catch (ConfigException e) {
            // Before anything started: one line naming the variable, and the conventional exit code.
            System.err.println("payment-service: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            PaymentService service = PaymentService.start(config, tracing);
            new Closer().closeOnShutdown("payment-service").register("payment-service", service);
            // A loop that failed for good holds nothing and does nothing: exit, so the supervisor restarts us
            // (same INSTANCE_ID, so the restart fences whatever this process left open).
            service.failure().thenRunAsync(() -> {
                log.error("Payment loop failed; exiting");
                System.exit(1);
            });
        } catch (RuntimeException e) {
            log.error("Payment service failed to start", e);
            System.exit(1);
        }
    }
}
