package io.fastship.chaos.scenario;

import java.util.List;
import java.util.Optional;

/**
 * Where the scenario finds the system: the cluster and registry for the auditor, the order service for the load,
 * and, when they run, the payment gateway for the ledger and the inventory service for its stock counts.
 */
public record Endpoints(String bootstrapServers, String schemaRegistryUrl, List<String> orderUrls,
                        Optional<String> gatewayUrl, Optional<String> inventoryUrl) {

    public Endpoints {
        orderUrls = List.copyOf(orderUrls);
        if (orderUrls.isEmpty()) {
            throw new IllegalArgumentException("no order service instance to place orders on");
        }
    }
}
