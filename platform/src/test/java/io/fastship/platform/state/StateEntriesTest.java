package io.fastship.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StateEntriesTest {

    @Test
    void shouldKeepReportingAfterAGarbageCollection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        long[] entries = {42};
        // A capturing lambda, as in the services: a new object that only the gauge refers to.
        StateEntries.gauge(registry, "views", () -> entries[0]);
        entries[0]++;

        // Micrometer holds a gauge's object weakly: a gauge over a lambda nobody else holds turns NaN after a GC.
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertThat(registry.get(StateEntries.METRIC).tag("store", "views").gauge().value()).isEqualTo(43.0);
    }

    @Test
    void shouldReportNaNWhileTheStoreCannotBeRead() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StateEntries.gauge(registry, "moving", () -> {
            throw new IllegalStateException("rebalancing");
        });

        assertThat(registry.get(StateEntries.METRIC).gauge().value()).isNaN();
    }

    @Test
    void shouldBeExposedAsFastshipStateEntriesPerStore() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StateEntries.gauge(registry, "payment-outcomes", () -> 7);

        assertThat(registry.scrape()).contains("fastship_state_entries{store=\"payment-outcomes\"} 7.0");
    }
}
