package io.fastship.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackControlTest {

    @Test
    void shouldCountServiceInstancesInTheProcessListOfTheControlEndpoint() {
        String status = "[{\"name\":\"broker-1\",\"state\":\"running\"},{\"name\":\"payment-1\",\"state\":\"running\"},"
                + "{\"name\":\"payment-2\",\"state\":\"stopped\"},{\"name\":\"order-1\",\"state\":\"restarting\"}]";

        assertThat(StackControl.count(status)).containsEntry("payment", 1).containsEntry("order", 1)
                .containsEntry("inventory", 0);
    }

    @Test
    void shouldCountServiceInstancesInTheStackStatusShape() {
        String status = "{\"controlUrl\":\"x\",\"instances\":[{\"name\":\"inventory-1\",\"service\":\"inventory\"},"
                + "{\"name\":\"inventory-3\",\"service\":\"inventory\"}]}";

        assertThat(StackControl.count(status)).containsEntry("inventory", 2).containsEntry("payment", 0);
    }

    @Test
    void shouldMapServiceGroupsToTheirServiceAlsoInANamespace() {
        assertThat(StackControl.serviceOf("payment-service")).hasValue("payment");
        assertThat(StackControl.serviceOf("staging.inventory-service")).hasValue("inventory");
        assertThat(StackControl.serviceOf("payment-service-extra")).isEmpty();
        assertThat(StackControl.serviceOf("audit")).isEmpty();
    }
}
