package io.fastship.bench.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrderRequestsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteTheOrderApiBodyWithOneLineRoundRobinOverTheCatalog() throws Exception {
        OrderRequests requests = new OrderRequests(100, "run1");

        JsonNode first = json.readTree(requests.body(0));
        JsonNode hundredFirst = json.readTree(requests.body(100));

        assertThat(first.get("currency").asText()).isEqualTo("EUR");
        assertThat(first.get("paymentToken").asText()).isEqualTo("tok_visa");
        assertThat(first.get("customerId").asText()).isEqualTo("bench-run1-0");
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("items").get(0).get("sku").asText()).isEqualTo("SKU-0001");
        assertThat(first.get("items").get(0).get("quantity").asInt()).isEqualTo(1);
        assertThat(first.get("items").get(0).get("unitPrice").asLong()).isEqualTo(1999);
        assertThat(json.readTree(requests.body(99)).get("items").get(0).get("sku").asText()).isEqualTo("SKU-0100");
        assertThat(hundredFirst.get("items").get(0).get("sku").asText()).isEqualTo("SKU-0001");
    }

    @Test
    void shouldKnowTheStockAnyNumberOfOrdersNeeds() {
        OrderRequests requests = new OrderRequests(100, "r");

        assertThat(requests.unitsPerSku(50_000)).isEqualTo(500);
        assertThat(requests.unitsPerSku(50_001)).isEqualTo(501);
        assertThat(requests.unitsPerSku(1)).isEqualTo(1);
    }

    @Test
    void shouldRejectACatalogItCannotName() {
        assertThatThrownBy(() -> new OrderRequests(0, "r")).hasMessageContaining("skus must be 1..9999");
    }
}
