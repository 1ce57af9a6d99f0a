package io.fastship.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvTest {

    @Test
    void missingRequiredVariableNamesIt() {
        assertThatThrownBy(() -> new Env(Map.of()).required("KAFKA_BOOTSTRAP_SERVERS"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("KAFKA_BOOTSTRAP_SERVERS is required but not set");
    }

    @Test
    void blankCountsAsUnset() {
        assertThat(new Env(Map.of("PORT", "  ")).integer("PORT", 8080, 1, 65535)).isEqualTo(8080);
    }

    @Test
    void integersOutOfRangeAreRejectedWithTheVariable() {
        assertThatThrownBy(() -> new Env(Map.of("HTTP_PORT", "70000")).integer("HTTP_PORT", 8080, 1, 65535))
                .hasMessage("HTTP_PORT must be between 1 and 65535, was 70000");
        assertThatThrownBy(() -> new Env(Map.of("HTTP_PORT", "eighty")).integer("HTTP_PORT", 8080, 1, 65535))
                .hasMessage("HTTP_PORT must be a whole number, was 'eighty'");
    }

    @ParameterizedTest
    @CsvSource({"250ms,250", "30s,30000", "5m,300000", "1h,3600000", "2d,172800000", "PT1.5S,1500", "pt2s,2000"})
    void parsesDurations(String text, long millis) {
        assertThat(new Env(Map.of("D", text)).duration("D", Duration.ZERO)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void rejectsBadDurations() {
        assertThatThrownBy(() -> new Env(Map.of("ORDER_DEADLINE", "soon")).duration("ORDER_DEADLINE", Duration.ZERO))
                .hasMessageStartingWith("ORDER_DEADLINE must be a duration");
    }

    @Test
    void decimalsAndBooleans() {
        Env env = new Env(Map.of("RATE", "0.25", "FLAG", "yes", "BAD", "maybe"));

        assertThat(env.decimal("RATE", 0, 0, 1)).isEqualTo(0.25);
        assertThat(env.bool("FLAG", false)).isTrue();
        assertThatThrownBy(() -> env.bool("BAD", false)).hasMessage("BAD must be true or false, was 'maybe'");
        assertThatThrownBy(() -> new Env(Map.of("RATE", "1.5")).decimal("RATE", 0, 0, 1))
                .hasMessageContaining("RATE must be between");
    }

    @Test
    void listsAndPrefixes() {
        Env env = new Env(Map.of("KEYS", "a, b,,c", "KAFKA_CLIENT_SECURITY_PROTOCOL", "SSL", "OTHER", "x"));

        assertThat(env.list("KEYS")).containsExactly("a", "b", "c");
        assertThat(env.list("NONE")).isEmpty();
        assertThat(env.withPrefix("KAFKA_CLIENT_")).containsExactly(Map.entry("SECURITY_PROTOCOL", "SSL"));
    }
}
