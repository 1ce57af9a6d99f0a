package io.fastship.schemas.access;

import java.util.List;

import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;

/**
 * Who may touch which topic of {@link Topics}: one Kafka principal per service (and one each for operations and the
 * bench), the shared topics it reads and the ones it writes. Everything else a service owns (its group, transactional
 * ids, Streams internal topics, outcome changelog, dead letters) is named after its id, so one prefix grant covers it.
 */
public enum ServiceAccess {

    ORDER("order-service",
            List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.INVENTORY, Topics.ORDER_STATUS, Topics.CATALOG),
            List.of(Topics.ORDERS, Topics.ORDER_STATUS)),
    PAYMENT("payment-service", List.of(Topics.ORDERS, Topics.ORDER_STATUS), List.of(Topics.PAYMENTS)),
    INVENTORY("inventory-service", List.of(Topics.ORDERS, Topics.ORDER_STATUS, Topics.STOCK), List.of(Topics.INVENTORY)),
    /** The stock seeder and {@code fastship price}: they set stock levels and prices, nothing else. */
    OPERATIONS("fastship-ops", List.of(), List.of(Topics.STOCK, Topics.CATALOG)),
    /**
     * {@code fastship bench}'s ProducerPerformance baseline: it creates, writes and deletes a topic named after this
     * id and touches no shared topic (the bench reads as the tools principal).
     */
    BENCH("fastship-bench", List.of(), List.of());

    private final String serviceId;
    private final List<Topic<?>> reads;
    private final List<Topic<?>> writes;

    ServiceAccess(String serviceId, List<Topic<?>> reads, List<Topic<?>> writes) {
        this.serviceId = serviceId;
        this.reads = reads;
        this.writes = writes;
    }

    /** The service id: its principal's name, and the prefix of its group, transactional ids and own topics. */
    public String serviceId() {
        return serviceId;
    }

    public List<Topic<?>> reads() {
        return reads;
    }

    public List<Topic<?>> writes() {
        return writes;
    }
}
