package io.fastship.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityLevelTest {

    @ParameterizedTest
    @CsvSource({"none,NONE", "backward,BACKWARD", "Backward_Transitive,BACKWARD_TRANSITIVE", "FORWARD,FORWARD",
            "forward_transitive,FORWARD_TRANSITIVE", "full,FULL", "FULL_TRANSITIVE,FULL_TRANSITIVE"})
    void shouldParseEveryLevelInAnyCase(String text, CompatibilityLevel expected) {
        assertThat(CompatibilityLevel.parse(text)).isEqualTo(expected);
    }

    @Test
    void shouldRejectUnknownLevelsWith42203() {
        assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42203);
                    assertThat(e.getMessage()).contains("SIDEWAYS").contains("FULL_TRANSITIVE");
                });
        assertThatThrownBy(() -> CompatibilityLevel.parse(null))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    }

    @Test
    void shouldDefaultToBackward() {
        assertThat(CompatibilityLevel.DEFAULT).isEqualTo(CompatibilityLevel.BACKWARD);
    }
}
