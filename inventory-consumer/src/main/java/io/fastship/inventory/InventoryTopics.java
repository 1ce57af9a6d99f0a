package io.fastship.inventory;

import io.fastship.schemas.EventTopics;
import io.fastship.schemas.Topics;

/**
 * The topics the inventory service uses: the deployment's {@link EventTopics} plus its two internal ones, line
 * commands (keyed by SKU) and line results (keyed by orderId). Those form a loop between the order and the stock
 * sub-topologies, which the DSL's repartition topics cannot express, so the service creates them itself.
 */
public record InventoryTopics(String applicationId, EventTopics events) {

    public String orders() {
        return events.orders().name();
    }

    public String orderStatus() {
        return events.orderStatus().name();
    }

    public String stock() {
        return events.stock().name();
    }

    public String inventory() {
        return events.inventory().name();
    }

    public String lineCommands() {
        return applicationId + "-line-commands";
    }

    public String lineResults() {
        return applicationId + "-line-results";
    }

    public String deadLetter() {
        return Topics.deadLetter(applicationId);
    }
}
