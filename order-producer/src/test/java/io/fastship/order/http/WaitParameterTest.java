package io.fastship.order.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WaitParameterTest {

    private static final Duration MAX = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "10s, 10000", "10, 10000", "1m, 60000", "PT1.5S, 1500", "pt2s, 2000"})
    void shouldParseDurations(String text, long millis) {
        assertThat(WaitParameter.parse(text, MAX)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void shouldNotWaitWithoutTheParameter() {
        assertThat(WaitParameter.parse(null, MAX)).isZero();
        assertThat(WaitParameter.parse(" ", MAX)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-1s", "2m", "PT-1S", "10h"})
    void shouldRefuseWhatIsNotADurationUpToTheCap(String text) {
        assertThatThrownBy(() -> WaitParameter.parse(text, MAX)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("waitForFinal");
    }

    @Test
    void shouldFindTheKeyInEitherHeader() {
        assertThat(ApiKeyAuth.presentedKey("abc", null)).isEqualTo("abc");
        assertThat(ApiKeyAuth.presentedKey(null, "Bearer xyz")).isEqualTo("xyz");
        assertThat(ApiKeyAuth.presentedKey(null, "bearer xyz")).isEqualTo("xyz");
        assertThat(ApiKeyAuth.presentedKey(null, "Basic xyz")).isNull();
        assertThat(ApiKeyAuth.presentedKey(" ", "Bearer ")).isNull();
    }
}
