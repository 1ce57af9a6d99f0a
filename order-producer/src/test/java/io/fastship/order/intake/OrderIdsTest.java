package io.fastship.order.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void shouldDeriveTheSameOrderIdForTheSameCustomerAndKey() {
        String first = OrderIds.forIdempotencyKey("customer-1", "key-1");

        assertThat(OrderIds.forIdempotencyKey("customer-1", "key-1")).isEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(3);
    }

    @Test
    void shouldKeepCustomersAndKeysApart() {
        String id = OrderIds.forIdempotencyKey("customer-1", "key-1");

        assertThat(OrderIds.forIdempotencyKey("customer-2", "key-1")).isNotEqualTo(id);
        assertThat(OrderIds.forIdempotencyKey("customer-1", "key-2")).isNotEqualTo(id);
        assertThat(OrderIds.forIdempotencyKey("ab", "c")).isNotEqualTo(OrderIds.forIdempotencyKey("a", "bc"));
    }

    @Test
    void shouldValidateTheHeader() {
        assertThat(OrderIds.validKey(null)).isEmpty();
        assertThat(OrderIds.validKey(" abc-123 ")).isEqualTo(Optional.of("abc-123"));
        assertThatThrownBy(() -> OrderIds.validKey("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderIds.validKey("k".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderIds.validKey("   ")).isInstanceOf(IllegalArgumentException.class);
    }
}
