package io.fastship.order;

import io.fastship.platform.runtime.ServiceMain;

/** Starts the order service from environment variables; exit code 2 on bad configuration, 1 if it cannot start. */
public final class OrderServiceMain {

    private OrderServiceMain() {
    }

    public static void main(String[] args) {
        ServiceMain.run(OrderServiceConfig.SERVICE_ID, OrderServiceConfig::fromEnv, OrderService::start);
    }
}
