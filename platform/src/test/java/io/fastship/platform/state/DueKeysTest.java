package io.fastship.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DueKeysTest {

    @Test
    void keysSortByDueTimeAsTheirBytesDo() {
        List<String> keys = List.of(DueKeys.of(1_000, "b"), DueKeys.of(999, "z"), DueKeys.of(1_764_000_000_000L, "a"),
                DueKeys.of(1_000, "a"), DueKeys.of(0, "q"));

        List<String> byBytes = keys.stream().sorted((x, y) -> Arrays.compareUnsigned(
                x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8))).toList();

        assertThat(byBytes).extracting(DueKeys::dueOf).containsExactly(0L, 999L, 1_000L, 1_000L, 1_764_000_000_000L);
    }

    @Test
    void theDueTimeIsReadBackAndNegativeTimesCountAsZero() {
        assertThat(DueKeys.dueOf(DueKeys.of(1_764_000_000_123L, "order-1"))).isEqualTo(1_764_000_000_123L);
        assertThat(DueKeys.of(-5, "k")).isEqualTo(DueKeys.of(0, "k"));
        assertThat(DueKeys.of(42, "k")).isEqualTo("0000000000000000042|k");
    }

    @Test
    void aRangeFromOneTimeUpToAnotherHoldsExactlyTheKeysDueBetween() {
        byte[] from = bytes(DueKeys.from(1_000));
        byte[] upTo = bytes(DueKeys.upTo(2_000));

        assertThat(within(DueKeys.of(1_000, ""), from, upTo)).isTrue();
        assertThat(within(DueKeys.of(2_000, "\u00e9-a-key-with-non-ascii-bytes"), from, upTo)).isTrue();
        assertThat(within(DueKeys.of(999, "zzz"), from, upTo)).isFalse();
        assertThat(within(DueKeys.of(2_001, ""), from, upTo)).isFalse();
    }

    private static boolean within(String key, byte[] from, byte[] upTo) {
        byte[] bytes = bytes(key);
        return Arrays.compareUnsigned(bytes, from) >= 0 && Arrays.compareUnsigned(bytes, upTo) <= 0;
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }
}
