package io.fastship.localstack.process;

import java.util.Arrays;
import java.util.Locale;

/**
 * The processes the local stack runs besides broker and registry, each from its module's jar, with the port its
 * first instance takes. The payment gateway is a stand-in for a third party the payment service calls.
 */
public enum ServiceKind {
    GATEWAY("gateway", "payment-gateway", "io.fastship.gateway.GatewayMain", 8084, ""),
    ORDER("order", "order-producer", "io.fastship.order.OrderServiceMain", 8080, "order-service"),
    PAYMENT("payment", "payment-consumer", "io.fastship.payment.PaymentServiceMain", 8082, "payment-service"),
    INVENTORY("inventory", "inventory-consumer", "io.fastship.inventory.InventoryServiceMain", 8083, "inventory-service");

    private final String shortName;
    private final String module;
    private final String mainClass;
    private final int firstPort;
    private final String principal;

    ServiceKind(String shortName, String module, String mainClass, int firstPort, String principal) {
        this.principal = principal;
        this.shortName = shortName;
        this.module = module;
        this.mainClass = mainClass;
        this.firstPort = firstPort;
    }

    public String shortName() {
        return shortName;
    }

    public String module() {
        return module;
    }

    public String mainClass() {
        return mainClass;
    }

    public int firstPort() {
        return firstPort;
    }

    /**
     * The Kafka principal of a secure stack's instances: the service id (its ACLs follow it); empty for the gateway,
     * which is no Kafka client.
     */
    public String principal() {
        return principal;
    }

    /** Parses {@code gateway}, {@code order}, {@code payment} or {@code inventory} (also the module names). */
    public static ServiceKind parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.shortName.equals(wanted) || kind.module.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + text
                        + "' (expected gateway, order, payment or inventory)"));
    }
}
