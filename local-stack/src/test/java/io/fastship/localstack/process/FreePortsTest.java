package io.fastship.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void distinctPortsNeverRepeatAndAreFreeAfterwards() {
        for (int round = 0; round < 50; round++) {
            int[] ports = FreePorts.distinct(10);
            assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(10);
            assertThat(Arrays.stream(ports).allMatch(FreePorts::isFree)).isTrue();
        }
    }
}
