package io.fastship.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.fastship.localstack.security.StackSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCredentialsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldReadAsToolsWriteTheBaselineAsTheBenchAndSeedAsOperationsOnASecureStackDir() {
        StackSecurity.prepare(dataDir, List.of("order-service"));

        BenchCredentials credentials = BenchCredentials.resolve(Optional.empty(), Optional.of(dataDir));

        assertThat(credentials.secure()).isTrue();
        assertThat(credentials.reader().kafka().get("sasl.jaas.config")).contains("\"fastship-tools\"");
        assertThat(credentials.reader().registry().get("basic.auth.user.info")).startsWith("fastship-tools:");
        assertThat(credentials.reader().kafka()).noneSatisfy((key, value) -> assertThat(key).startsWith("basic.auth."));
        assertThat(credentials.baselineConfig()).hasValueSatisfying(file ->
                assertThat(file.getFileName().toString()).isEqualTo("fastship-bench.properties"));
        assertThat(credentials.baselineSettings().kafka().get("sasl.jaas.config")).contains("\"fastship-bench\"");
        assertThat(credentials.operations().orElseThrow().kafka().get("sasl.jaas.config")).contains("\"fastship-ops\"");
        assertThat(credentials.mayRunBaseline()).isTrue();
    }

    @Test
    void shouldBeOpenForAStackDirWithoutSecrets() throws IOException {
        Files.createDirectories(dataDir.resolve("kafka"));

        BenchCredentials credentials = BenchCredentials.resolve(Optional.empty(), Optional.of(dataDir));

        assertThat(credentials).isEqualTo(BenchCredentials.OPEN);
        assertThat(credentials.mayRunBaseline()).isTrue();
        assertThat(BenchCredentials.resolve(Optional.empty(), Optional.empty())).isEqualTo(BenchCredentials.OPEN);
    }

    @Test
    void shouldReadWithACommandConfigAloneButNotClaimAWriterItDoesNotKnow() {
        StackSecurity security = StackSecurity.prepare(dataDir, List.of());

        BenchCredentials credentials = BenchCredentials.resolve(
                Optional.of(security.propertiesOf(StackSecurity.TOOLS)), Optional.empty());

        assertThat(credentials.secure()).isTrue();
        assertThat(credentials.mayRunBaseline()).isFalse();
        assertThat(credentials.operations()).isEmpty();
        assertThatThrownBy(() -> BenchCredentials.resolve(Optional.of(dataDir.resolve("missing.properties")),
                Optional.empty())).hasMessageContaining("missing.properties");
    }
}
