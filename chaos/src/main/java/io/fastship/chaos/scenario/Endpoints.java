package io.fastship.chaos.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the scenario finds the system: the cluster and registry for the auditor, the order service for the load,
 * and, when they run, the payment gateway for the ledger and the inventory service for its stock counts.
 *
 * @param clientProperties a secure stack's tools settings (sasl.*, ssl.*, and basic.auth.* for the registry)
 */
public record Endpoints(String bootstrapServers, String schemaRegistryUrl, List<String> orderUrls,
                        Optional<String> gatewayUrl, Optional<String> inventoryUrl, Map<String, String> clientProperties) {

    /** Endpoints of an open stack. */
    public Endpoints(String bootstrapServers, String schemaRegistryUrl, List<String> orderUrls,
                     Optional<String> gatewayUrl, Optional<String> inventoryUrl) {
        this(bootstrapServers, schemaRegistryUrl, orderUrls, gatewayUrl, inventoryUrl, Map.of());
    }

    public Endpoints {
        clientProperties = Map.copyOf(clientProperties);
        orderUrls = List.copyOf(orderUrls);
        if (orderUrls.isEmpty()) {
            throw new IllegalArgumentException("no order service instance to place orders on");
        }
    }
}
