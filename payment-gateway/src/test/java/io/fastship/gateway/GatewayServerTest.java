package io.fastship.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.gateway.GatewaySettings.FailureKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's API over real HTTP: idempotent charges, lookups, refunds, the ledger, injected failures. */
class GatewayServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private GatewayServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void start(double failureRate, Set<FailureKind> kinds, Optional<Path> dir) {
        server = GatewayServer.start(new GatewaySettings("127.0.0.1", 0, Duration.ZERO, failureRate, kinds, 10_000,
                Duration.ofSeconds(5), dir));
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameChargeAndChargesOnce() throws Exception {
        start(0, Set.of(), Optional.empty());

        HttpResponse<String> first = post("/charges", charge("k1", "o1", 500, "tok_ok"));
        HttpResponse<String> again = post("/charges", charge("k1", "o1", 500, "tok_ok"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("chargeId").asText()).isEqualTo(json(first).get("chargeId").asText());
        assertThat(json(first).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json(get("/ledger/o1")).get("netMinor").asLong()).isEqualTo(500);
        assertThat(json(get("/ledger")).get("charges").asLong()).isEqualTo(1);
    }

    @Test
    void declinesTheDeclineTokenAndAmountsAboveTheLimitWithoutMovingMoney() throws Exception {
        start(0, Set.of(), Optional.empty());

        assertThat(json(post("/charges", charge("k1", "o1", 500, "tok_decline"))).get("status").asText())
                .isEqualTo("DECLINED");
        assertThat(json(post("/charges", charge("k2", "o2", 10_001, "tok_ok"))).get("declineReason").asText())
                .contains("exceeds the limit");
        assertThat(json(get("/ledger")).get("chargedMinor").asLong()).isZero();
    }

    @Test
    void aLookupAnswersChargedOrNotAndARefundIsMadeOnce() throws Exception {
        start(0, Set.of(), Optional.empty());
        assertThat(get("/charges?idempotencyKey=k1").statusCode()).isEqualTo(404);
        String chargeId = json(post("/charges", charge("k1", "o1", 700, "tok_ok"))).get("chargeId").asText();

        HttpResponse<String> refund = post("/charges/" + chargeId + "/refunds", "{\"idempotencyKey\":\"r1\"}");
        HttpResponse<String> again = post("/charges/" + chargeId + "/refunds", "{\"idempotencyKey\":\"r1\"}");

        assertThat(refund.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(get("/charges?idempotencyKey=k1")).get("status").asText()).isEqualTo("REFUNDED");
        JsonNode order = json(get("/ledger/o1"));
        assertThat(order.get("chargedMinor").asLong()).isEqualTo(700);
        assertThat(order.get("refundedMinor").asLong()).isEqualTo(700);
        assertThat(order.get("netMinor").asLong()).isZero();
        assertThat(get("/charges?idempotencyKey=").statusCode()).isEqualTo(400);
        assertThat(get("/charges/nope/refunds").statusCode()).isEqualTo(404);
    }

    @Test
    void aTimeoutAfterChargeRecordsTheChargeButWithholdsTheAnswer() throws Exception {
        start(1.0, Set.of(FailureKind.TIMEOUT_AFTER_CHARGE), Optional.empty());

        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/charges"))
                .timeout(Duration.ofMillis(500)).POST(HttpRequest.BodyPublishers.ofString(charge("k1", "o1", 300,
                        "tok_ok"))).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(server.ledger().byIdempotencyKey("k1")).hasValueSatisfying(charge ->
                assertThat(charge.status()).isEqualTo("SUCCEEDED"));
        assertThat(json(get("/ledger/o1")).get("netMinor").asLong()).isEqualTo(300);
    }

    @Test
    void aRefusedCallChargesNothing() throws Exception {
        start(1.0, Set.of(FailureKind.REFUSED), Optional.empty());

        HttpResponse<String> refused = post("/charges", charge("k1", "o1", 300, "tok_ok"));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(server.ledger().byIdempotencyKey("k1")).isEmpty();
    }

    @Test
    void theLedgerOutlivesARestartWhenKeptInADataDirectory(@TempDir Path dir) throws Exception {
        start(0, Set.of(), Optional.of(dir));
        String chargeId = json(post("/charges", charge("k1", "o1", 300, "tok_ok"))).get("chargeId").asText();
        server.close();

        start(0, Set.of(), Optional.of(dir));

        assertThat(json(get("/charges?idempotencyKey=k1")).get("chargeId").asText()).isEqualTo(chargeId);
        assertThat(post("/charges", charge("k1", "o1", 300, "tok_ok")).statusCode()).isEqualTo(200);
        assertThat(json(get("/ledger")).get("netMinor").asLong()).isEqualTo(300);
    }

    @Test
    void badRequestsGetProblemDetails() throws Exception {
        start(0, Set.of(), Optional.empty());

        assertThat(post("/charges", "not json").statusCode()).isEqualTo(400);
        assertThat(post("/charges", "{\"orderId\":\"o1\"}").statusCode()).isEqualTo(400);
        post("/charges", charge("k1", "o1", 300, "tok_ok"));
        assertThat(post("/charges", charge("k1", "o2", 300, "tok_ok")).statusCode()).isEqualTo(422);
    }

    private static String charge(String key, String orderId, long amount, String token) {
        return "{\"idempotencyKey\":\"" + key + "\",\"orderId\":\"" + orderId + "\",\"amountMinor\":" + amount
                + ",\"currency\":\"EUR\",\"token\":\"" + token + "\"}";
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
