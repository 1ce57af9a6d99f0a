package io.fastship.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"latest", "LATEST", "Latest", "lAtEsT"})
    void shouldReadLatestInAnyCase(String text) {
        assertThat(VersionId.parse(text).isLatest()).isTrue();
    }

    @Test
    void shouldReadPositiveNumbers() {
        VersionId id = VersionId.parse("7");

        assertThat(id.isLatest()).isFalse();
        assertThat(id.number()).hasValue(7);
        assertThat(VersionId.parse(String.valueOf(Integer.MAX_VALUE)).number()).hasValue(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "abc", "", "latestt", "2147483648"})
    void shouldRejectAnythingElseWith42202(String text) {
        assertThatThrownBy(() -> VersionId.parse(text))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42202);
                    assertThat(e.getMessage()).contains("'" + text + "'");
                });
    }
}
