package io.fastship.order.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import io.fastship.platform.config.ConfigException;
import io.fastship.platform.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderSecurityTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static OrderSecurity parse(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return OrderSecurity.fromEnv(new Env(env));
    }

    @Test
    void shouldRefuseToStartWithoutKeysUnlessAuthIsExplicitlyOff() {
        assertThatThrownBy(OrderSecurityTest::parse).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ORDER_API_KEYS").hasMessageContaining("ORDER_AUTH=none");

        assertThat(parse("ORDER_AUTH", "none").authDisabled()).isTrue();
    }

    @Test
    void shouldBindEachKeyToItsCustomer() {
        OrderSecurity security = parse("ORDER_API_KEYS", "key-of-alice-0001:alice,key-of-bob-00002:bob",
                "ORDER_ID_SECRET", SECRET);

        assertThat(security.apiKeys().customerOf("key-of-alice-0001")).contains("alice");
        assertThat(security.apiKeys().customerOf("key-of-bob-00002")).contains("bob");
        assertThat(security.apiKeys().customerOf("key-of-bob-00003")).isEmpty();
        assertThat(security.idSecretShared()).isTrue();
    }

    @Test
    void shouldReadHashedKeysFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# hashed keys\n" + HexFormat.of().formatHex(ApiKeys.sha256("key-of-carol-0001"))
                + ":carol\n\n");

        OrderSecurity security = parse("ORDER_API_KEYS_FILE", file.toString(), "ORDER_ID_SECRET", SECRET);

        assertThat(security.apiKeys().customerOf("key-of-carol-0001")).contains("carol");
    }

    @Test
    void shouldFailFastNamingTheVariableAndNeverEchoingAKey() {
        assertThatThrownBy(() -> parse("ORDER_API_KEYS", "tiny-k3y:alice", "ORDER_ID_SECRET", SECRET))
                .hasMessageStartingWith("ORDER_API_KEYS").hasMessageNotContaining("tiny-k3y");
        assertThatThrownBy(() -> parse("ORDER_API_KEYS", "a-key-without-customer", "ORDER_ID_SECRET", SECRET))
                .hasMessageStartingWith("ORDER_API_KEYS").hasMessageNotContaining("a-key-without");
        assertThatThrownBy(() -> parse("ORDER_API_KEYS", "key-of-alice-0001:alice"))
                .hasMessageStartingWith("ORDER_ID_SECRET");
        assertThatThrownBy(() -> parse("ORDER_AUTH", "none", "ORDER_ID_SECRET", "too-short"))
                .hasMessageStartingWith("ORDER_ID_SECRET");
        assertThatThrownBy(() -> parse("ORDER_AUTH", "none", "ORDER_API_KEYS", "key-of-alice-0001:alice"))
                .hasMessageStartingWith("ORDER_AUTH");
        assertThatThrownBy(() -> parse("ORDER_AUTH", "maybe")).hasMessageStartingWith("ORDER_AUTH");
        assertThatThrownBy(() -> parse("ORDER_AUTH", "none", "ORDER_METRICS_KEY", "short"))
                .hasMessageStartingWith("ORDER_METRICS_KEY");
    }

    @Test
    void shouldNotPrintSecrets() {
        OrderSecurity security = parse("ORDER_API_KEYS", "key-of-alice-0001:alice", "ORDER_ID_SECRET", SECRET);

        assertThat(security.toString()).doesNotContain("key-of-alice").doesNotContain(SECRET).contains("1 keys");
    }
}
