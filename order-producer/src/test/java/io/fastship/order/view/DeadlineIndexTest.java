package io.fastship.order.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DeadlineIndexTest {

    private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void anEntryKeepsTheOrdersTraceparentNextToItsId() {
        String value = DeadlineIndex.value("o 1", Optional.of(PARENT));

        assertThat(DeadlineIndex.orderIdOf(value)).isEqualTo("o 1");
        assertThat(DeadlineIndex.traceparentOf(value)).contains(PARENT);
    }

    @Test
    void entriesWrittenBeforeTracingAreJustTheOrderId() {
        assertThat(DeadlineIndex.orderIdOf("o-1")).isEqualTo("o-1");
        assertThat(DeadlineIndex.traceparentOf("o-1")).isEmpty();
        assertThat(DeadlineIndex.value("o-1", Optional.empty())).isEqualTo("o-1");
    }
}
