package io.fastship.inventory;

import io.fastship.schemas.Topics;

/**
 * Every topic name the inventory service uses in one namespace, including its two internal ones: line commands
 * (keyed by SKU) and line results (keyed by orderId). Those form a loop between the order and the stock
 * sub-topologies, which the DSL's repartition topics cannot express, so the service creates them itself.
 */
public record InventoryTopics(String applicationId, String orders, String orderStatus, String stock, String inventory,
                              String lineCommands, String lineResults, String deadLetter) {

    /** The Streams application id without a namespace. */
    public static final String SERVICE_ID = "inventory-service";

    /** The topics of {@code namespace} (blank for none). */
    public static InventoryTopics in(String namespace) {
        String ns = namespace == null ? "" : namespace.strip();
        String applicationId = ns.isEmpty() ? SERVICE_ID : ns + "." + SERVICE_ID;
        return new InventoryTopics(applicationId,
                Topics.ORDERS.inNamespace(ns).name(),
                Topics.ORDER_STATUS.inNamespace(ns).name(),
                Topics.STOCK.inNamespace(ns).name(),
                Topics.INVENTORY.inNamespace(ns).name(),
                applicationId + "-line-commands",
                applicationId + "-line-results",
                Topics.deadLetter(applicationId));
    }
}
