package io.fastship.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldSendBasicAuthToTheRegistryAndEverythingElseToKafka() {
        ClientSettings settings = ClientSettings.split(Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512", "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "fastship-tools:secret "));

        assertThat(settings.kafka()).containsOnlyKeys("security.protocol", "sasl.mechanism");
        assertThat(settings.registry()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "fastship-tools:secret"));
        assertThat(settings.secure()).isTrue();
        assertThat(ClientSettings.split(Map.of()).secure()).isFalse();
    }

    @Test
    void shouldReadTheToolsAndOtherPrincipalsFilesOfASecureStack() {
        StackSecurity.prepare(dataDir, List.of("payment-service"));

        ClientSettings tools = ClientSettings.ofTools(dataDir).orElseThrow();
        ClientSettings bench = ClientSettings.of(dataDir, StackSecurity.BENCH).orElseThrow();

        assertThat(tools.kafka().get("sasl.jaas.config")).contains("username=\"fastship-tools\"");
        assertThat(tools.registry().get("basic.auth.user.info")).startsWith("fastship-tools:");
        assertThat(bench.registry().get("basic.auth.user.info")).startsWith("fastship-bench:");
    }

    @Test
    void shouldFindNothingOnAnOpenStackAndNameAMissingFile() throws IOException {
        Files.createDirectories(dataDir.resolve("kafka"));

        assertThat(ClientSettings.ofTools(dataDir)).isEmpty();
        assertThat(ClientSettings.of(dataDir, StackSecurity.BENCH)).isEmpty();
        assertThatThrownBy(() -> ClientSettings.load(dataDir.resolve("nope.properties")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.properties");
    }
}
