package io.fastship.inventory;

import io.fastship.platform.runtime.ServiceMain;

/** Starts the inventory service from environment variables; SIGTERM closes it cleanly. */
public final class InventoryServiceMain {

    private InventoryServiceMain() {
    }

    public static void main(String[] args) {
        ServiceMain.run(InventoryConfig.SERVICE_ID, InventoryConfig::fromEnv, InventoryService::start);
    }
}
