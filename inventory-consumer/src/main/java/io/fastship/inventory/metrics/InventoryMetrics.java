package io.fastship.inventory.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of order outcomes. They count processing attempts: a transaction that Streams aborts and retries
 * counts again, so they are for dashboards, while the inventory topic is the exact record.
 */
public final class InventoryMetrics {

    private final Counter reservations;
    private final Counter rejections;
    private final Counter releases;
    private final Counter duplicates;

    public InventoryMetrics(MeterRegistry registry) {
        reservations = Counter.builder("fastship.inventory.reservations")
                .description("Orders whose every line was reserved").register(registry);
        rejections = Counter.builder("fastship.inventory.rejections")
                .description("Orders refused because a line could not be reserved").register(registry);
        releases = Counter.builder("fastship.inventory.releases")
                .description("Reserved orders whose stock was given back after cancellation").register(registry);
        duplicates = Counter.builder("fastship.inventory.duplicate.orders")
                .description("OrderCreated events seen again for an order already handled").register(registry);
    }

    public void reserved() {
        reservations.increment();
    }

    public void rejected() {
        rejections.increment();
    }

    public void released() {
        releases.increment();
    }

    public void duplicate() {
        duplicates.increment();
    }
}
