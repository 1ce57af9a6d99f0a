package io.fastship.chaos.scenario;

import java.util.List;
import java.util.Optional;

import io.fastship.localstack.security.ClientSettings;

/**
 * Where the scenario finds the system: the cluster and registry for the auditor, the order service for the load,
 * and, when they run, the payment gateway for the ledger and the inventory service for its stock counts.
 *
 * @param clientSettings a secure stack's tools settings (sasl.*, ssl.* for Kafka, basic.auth.* for the registry)
 */
public record Endpoints(String bootstrapServers, String schemaRegistryUrl, List<String> orderUrls,
                        Optional<String> gatewayUrl, Optional<String> inventoryUrl, ClientSettings clientSettings) {

    /** Endpoints of an open stack. */
    public Endpoints(String bootstrapServers, String schemaRegistryUrl, List<String> orderUrls,
                     Optional<String> gatewayUrl, Optional<String> inventoryUrl) {
        this(bootstrapServers, schemaRegistryUrl, orderUrls, gatewayUrl, inventoryUrl, ClientSettings.NONE);
    }

    public Endpoints {
        orderUrls = List.copyOf(orderUrls);
        if (orderUrls.isEmpty()) {
            throw new IllegalArgumentException("no order service instance to place orders on");
        }
    }
}
