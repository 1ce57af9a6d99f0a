package io.fastship.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryConfigTest {

    @Test
    void defaults() {
        SchemaRegistryConfig config = SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://r:8081"));

        assertThat(config.urls()).containsExactly(URI.create("http://r:8081"));
        assertThat(config.credentialsSource()).isEqualTo(BasicAuthCredentialsSource.URL);
        assertThat(config.userInfo()).isNull();
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void commaSeparatedAndListUrls() {
        assertThat(SchemaRegistryConfig.from(Map.of("schema.registry.url", " http://a:1 , https://b:2/x ")).urls())
                .containsExactly(URI.create("http://a:1"), URI.create("https://b:2/x"));
        assertThat(SchemaRegistryConfig.from(Map.of("schema.registry.url", List.of("http://a:1", "http://b:2"))).urls())
                .hasSize(2);
    }

    @Test
    void prefixedKeysAreStrippedAndWinOverPlainOnes() {
        SchemaRegistryConfig config = SchemaRegistryConfig.from(Map.of(
                "schema.registry.url", "http://r:8081",
                "basic.auth.credentials.source", "user_info",
                "basic.auth.user.info", "plain:one",
                "schema.registry.basic.auth.user.info", "prefixed:two",
                "schema.registry.http.connect.timeout.ms", "1500",
                "http.read.timeout.ms", 2500,
                "latest.cache.ttl.sec", "5"));

        assertThat(config.credentialsSource()).isEqualTo(BasicAuthCredentialsSource.USER_INFO);
        assertThat(config.userInfo()).isEqualTo("prefixed:two");
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.latestCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.toString()).doesNotContain("prefixed:two");
    }

    @Test
    void missingUrlNamesTheKey() {
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("auto.register.schemas", "true")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
    }

    @Test
    void badUrlNamesTheKeyAndHidesCredentials() {
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "ftp://u:pw@r:21")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining("pw");
    }

    @Test
    void userInfoSourceWithoutUserInfoNamesTheMissingKey() {
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
    }

    @Test
    void userInfoWithoutColonIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "USER_INFO", "schema.registry.basic.auth.user.info", "justtoken")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.basic.auth.user.info")
                .hasMessageNotContaining("justtoken");
    }

    @Test
    void unknownCredentialsSourceNamesTheKey() {
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://r:1",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.credentials.source")
                .hasMessageContaining("USER_INFO");
    }

    @Test
    void nonNumericOrZeroTimeoutNamesTheKeyAsWritten() {
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://r:1",
                "schema.registry.http.read.timeout.ms", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.http.read.timeout.ms");
        assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://r:1",
                "http.connect.timeout.ms", 0)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http.connect.timeout.ms");
    }
}
