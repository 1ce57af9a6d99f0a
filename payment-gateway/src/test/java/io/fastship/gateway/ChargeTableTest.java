package io.fastship.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The open-addressing table, with every charge on one hash as the worst case of probing and growing. */
class ChargeTableTest {

    @Test
    void shouldFindReplaceAndKeepEveryChargeThroughGrowingWhenAllHashesCollide() {
        ChargeTable table = new ChargeTable(charge -> 7);
        List<StoredCharge> charges = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StoredCharge charge = charge("o-" + i);
            charges.add(charge);
            assertThat(table.put(7, other -> other.hasOrder(charge.orderId(), null), charge)).isNull();
        }
        StoredCharge replacement = charge("o-42");

        assertThat(table.put(7, other -> other.hasOrder("o-42", null), replacement)).isSameAs(charges.get(42));
        assertThat(table.find(7, other -> other.hasOrder("o-42", null))).isSameAs(replacement);
        assertThat(table.find(7, other -> other.hasOrder("o-499", null))).isSameAs(charges.get(499));
        assertThat(table.find(7, other -> other.hasOrder("o-500", null))).isNull();
    }

    private static StoredCharge charge(String orderId) {
        return StoredCharge.of(new ChargeRecord("ch_x", "k-" + orderId, orderId, 1, "EUR", ChargeRecord.SUCCEEDED,
                null, null), "EUR", null, false);
    }
}
