package io.fastship.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecurityTest {

    @Test
    void shouldKeepOnePasswordPerPrincipalInOwnerOnlyFilesAcrossStarts(@TempDir Path dataDir) throws Exception {
        StackSecurity first = StackSecurity.prepare(dataDir, List.of("payment-service"));
        StackSecurity second = StackSecurity.prepare(dataDir, List.of("payment-service"));

        assertThat(second.env("payment-service")).isEqualTo(first.env("payment-service"));
        assertThat(first.env("payment-service").get("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"))
                .isNotEqualTo(first.env(StackSecurity.TOOLS).get("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"));
        try (var files = Files.walk(dataDir.resolve("secure"))) {
            files.filter(Files::isRegularFile).forEach(file -> assertThat(permissions(file))
                    .as("%s", file).isEqualTo("rw-------"));
        }
    }

    @Test
    void shouldGiveEachPrincipalTheStandardClientSettings(@TempDir Path dataDir) {
        StackSecurity security = StackSecurity.prepare(dataDir, List.of("order-service"));

        assertThat(security.env("order-service"))
                .containsEntry("KAFKA_CLIENT_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_CLIENT_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsKey("KAFKA_CLIENT_SSL_TRUSTSTORE_LOCATION");
        assertThat(security.env("order-service").get("KAFKA_CLIENT_SASL_JAAS_CONFIG"))
                .contains("username=\"order-service\"");
        // What a second terminal reads back from the properties file is what the launcher hands a process.
        assertThat(StackSecurity.envFromProperties(security.propertiesOf("order-service")))
                .isEqualTo(security.env("order-service"));
        assertThat(StackSecurity.toolsProperties(dataDir)).contains(security.propertiesOf(StackSecurity.TOOLS));
    }

    @Test
    void shouldSignTheBrokerCertificateForLoopbackWithTheStacksOwnCa(@TempDir Path dataDir) throws Exception {
        StackSecurity security = StackSecurity.prepare(dataDir, List.of());
        var broker = security.broker();

        KeyStore keystore = load(broker.keystore(), broker.storePassword());
        X509Certificate certificate = (X509Certificate) keystore.getCertificate("broker");
        KeyStore truststore = load(broker.truststore(), broker.storePassword());
        X509Certificate ca = (X509Certificate) truststore.getCertificate("fastship-ca");

        List<String> names = certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
        assertThat(names).contains("127.0.0.1", "localhost");
        certificate.verify(ca.getPublicKey());
        assertThat(keystore.getCertificateChain("broker")).hasSize(2);
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
