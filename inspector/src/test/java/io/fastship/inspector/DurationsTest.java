package io.fastship.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void shouldParseEveryShortUnit() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldAddCombinedPartsAndIgnoreCaseAndSpaceAround() {
        assertThat(Durations.parse(" 1H30m ")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("1m500ms")).isEqualTo(Duration.ofMillis(60_500));
    }

    @Test
    void shouldAcceptIsoDurations() {
        assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("pt1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "10x", "m", "-5s", "10 s", "1.5s", "PT-1S", "P"})
    void shouldRejectWithAnExampleOfWhatWorks(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid duration '" + text + "'")
                .hasMessageContaining("10s");
    }

    @Test
    void shouldFormatInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void shouldRoundTripWhatItFormats() {
        for (Duration duration : new Duration[] {Duration.ofMillis(1), Duration.ofSeconds(61), Duration.ofHours(25)}) {
            assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
        }
    }

    @Test
    void shouldShowNegativeRetentionAsForever() {
        assertThat(Durations.formatRetention(-1L)).isEqualTo("forever");
        assertThat(Durations.formatRetention(604_800_000L)).isEqualTo("7d");
        assertThat(Durations.formatRetention(null)).isNull();
    }
}
