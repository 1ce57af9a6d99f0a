package io.fastship.inventory;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import io.fastship.platform.lifecycle.Closer;
import io.fastship.platform.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the inventory service from environment variables; SIGTERM closes it cleanly. */
public final class InventoryServiceMain {

    private static final Logger log = LoggerFactory.getLogger(InventoryServiceMain.class);

    private InventoryServiceMain() {
    }

    public static void main(String[] args) {
        InventoryConfig config;
        Tracing tracing;
        try {
            config = InventoryConfig.fromEnv(Env.system());
            tracing = Tracing.fromEnv(Env.system(), InventoryTopics.SERVICE_ID);
        } catch (ConfigException e) {
            System.err.println("inventory-service: " + e.getMessage());
            System.exit(2);
            return;
        }
        Closer closer = new Closer();
        InventoryService service;
        try {
            service = closer.register("inventory-service", InventoryService.start(config, tracing));
        } catch (RuntimeException e) {
            log.error("Inventory service failed to start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        closer.closeOnShutdown(InventoryTopics.SERVICE_ID);
        // A dead Streams client processes nothing; exit so the supervisor restarts the instance.
        service.failure().thenRunAsync(() -> {
            log.error("Inventory streams failed; exiting");
            System.exit(1);
        });
    }
}
