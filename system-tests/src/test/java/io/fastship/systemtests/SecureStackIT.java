package io.fastship.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.fastship.localstack.LocalStack;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.security.StackSecurity;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as {@code ./fastship up --secure} runs it (one broker, free ports): the flow passes with a
 * principal per service, and the broker and registry refuse what they should.
 */
class SecureStackIT {

    private static final Duration FINAL = Duration.ofSeconds(60);
    private static LocalStack stack;
    private static StackSecurity security;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSecureStack() throws IOException {
        Path dataDir = Path.of("target", "secure-stack").toAbsolutePath();
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        var options = new LocalStackOptions(Path.of("..").toAbsolutePath().normalize(), dataDir, false, 3,
                Map.of(ServiceKind.ORDER, 1, ServiceKind.PAYMENT, 1, ServiceKind.INVENTORY, 1),
                Map.of("ORDER_DEADLINE", "120s"), Optional.empty(), 5, 1000, 1, true);
        stack = LocalStack.start(options);
        security = stack.security().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anOrderIsConfirmedWithEveryServiceOnItsOwnPrincipal() {
        Orders orders = new Orders(stack.instances(ServiceKind.ORDER).get(0).baseUrl());

        String orderId = orders.place(Orders.body("secure-1", "tok_visa", "SKU-0001", 2, 1999));
        JsonNode order = orders.awaitFinal(orderId, FINAL);

        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("totalMinor").asLong()).isEqualTo(3998);
    }

    @Test
    void thePaymentPrincipalCannotProduceToOrders() {
        try (KafkaProducer<String, String> producer = producer(security.clientConfig("payment-service"))) {
            // It is authenticated and may see the topic: only the write is refused.
            assertThat(producer.partitionsFor(Topics.ORDERS.name())).isNotEmpty();

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ORDERS.name(), "o-1", "forged"))
                    .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, String> config = new HashMap<>(security.clientConfig("payment-service"));
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"payment-service\" password=\"guessed\";");

        assertThatThrownBy(() -> listTopics(config))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void plaintextAndAnonymousTlsConnectionsAreRefused() {
        // PLAINTEXT never completes a TLS handshake; TLS without SASL never authenticates: neither gets metadata.
        assertThatThrownBy(() -> listTopics(Map.of())).isInstanceOf(Exception.class);
        Map<String, String> tlsOnly = new HashMap<>(security.clientConfig("payment-service"));
        tlsOnly.keySet().removeIf(key -> key.startsWith("sasl."));
        tlsOnly.put("security.protocol", "SSL");
        assertThatThrownBy(() -> listTopics(tlsOnly)).isInstanceOf(Exception.class);
    }

    @Test
    void theRegistryAnswers401WithAProblemBodyWithoutCredentials() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl()
                + "/subjects")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Orders.read(anonymous.body()).path("status").asInt()).isEqualTo(401);

        String userInfo = security.env("order-service").get("SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO");
        HttpResponse<String> authenticated = http.send(HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl()
                        + "/subjects")).header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        userInfo.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(authenticated.statusCode()).isEqualTo(200);
    }

    @Test
    void theSecretsAreReadableByTheOwnerOnly() throws IOException {
        Path tools = StackSecurity.toolsProperties(stack.options().dataDir()).orElseThrow();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tools))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(security.usersFile())))
                .isEqualTo("rw-------");
    }

    private KafkaProducer<String, String> producer(Map<String, String> security) {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("max.block.ms", 30_000);
        config.put("delivery.timeout.ms", 30_000);
        config.put("request.timeout.ms", 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static void listTopics(Map<String, String> security) throws Exception {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", stack.bootstrapServers());
        config.put("default.api.timeout.ms", 8_000);
        config.put("request.timeout.ms", 4_000);
        try (Admin admin = Admin.create(config)) {
            admin.listTopics().names().get(15, TimeUnit.SECONDS);
        }
    }
}
