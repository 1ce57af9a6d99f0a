package io.fastship.payment;

import io.fastship.platform.runtime.ServiceMain;

/** Runs the payment service from environment variables until SIGTERM. */
public final class PaymentServiceMain {

    private PaymentServiceMain() {
    }

    public static void main(String[] args) {
        ServiceMain.run(PaymentServiceConfig.SERVICE_ID, PaymentServiceConfig::fromEnv, (config, tracing, exit) ->
                PaymentService.start(config, PaymentService.httpGateway(config), tracing, exit));
    }
}
