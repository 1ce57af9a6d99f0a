package io.fastship.order.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OrderIdsTest {

    private static final byte[] SECRET = "a-shared-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8);

    private final OrderIds ids = new OrderIds(SECRET);

    @Test
    void shouldDeriveTheSameOrderIdOnEveryInstanceSharingTheSecret() {
        String first = ids.forIdempotencyKey("customer-1", "key-1");

        assertThat(new OrderIds(SECRET.clone()).forIdempotencyKey("customer-1", "key-1")).isEqualTo(first);
        assertThat(UUID.fromString(first).version()).isEqualTo(8);
        assertThat(UUID.fromString(first).variant()).isEqualTo(2);
    }

    @Test
    void shouldNotBeDerivableWithoutTheSecret() {
        String id = ids.forIdempotencyKey("customer-1", "key-1");
        String nameBased = UUID.nameUUIDFromBytes(("fastship-order:10:customer-1:key-1")
                .getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(new OrderIds("another-secret-of-at-least-32-characters!".getBytes(StandardCharsets.UTF_8))
                .forIdempotencyKey("customer-1", "key-1")).isNotEqualTo(id);
        assertThat(id).as("the old name-based id anyone could compute").isNotEqualTo(nameBased);
    }

    @Test
    void shouldKeepCustomersAndKeysApart() {
        String id = ids.forIdempotencyKey("customer-1", "key-1");

        assertThat(ids.forIdempotencyKey("customer-2", "key-1")).isNotEqualTo(id);
        assertThat(ids.forIdempotencyKey("customer-1", "key-2")).isNotEqualTo(id);
        assertThat(ids.forIdempotencyKey("ab", "c")).isNotEqualTo(ids.forIdempotencyKey("a", "bc"));
    }

    @Test
    void shouldGiveKeylessOrdersRandomIds() {
        assertThat(UUID.fromString(OrderIds.random()).version()).isEqualTo(4);
        assertThat(OrderIds.random()).isNotEqualTo(OrderIds.random());
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
