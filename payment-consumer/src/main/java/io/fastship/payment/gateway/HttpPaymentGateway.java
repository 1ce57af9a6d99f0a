package io.fastship.payment.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payment gateway over HTTP ({@code payment-gateway}'s API): bounded connect and request timeouts, and every
 * failure sorted by whether the request may have been carried out. Certainly not: the connection was refused or
 * never made, or the gateway answered 429 (refused before acting). Maybe: a timeout waiting for the answer, a
 * connection dropped mid-request, a 5xx. Thread-safe (one {@link HttpClient}).
 */
public final class HttpPaymentGateway implements PaymentGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration requestTimeout;
    private final HttpClient http;

    public HttpPaymentGateway(URI base, Duration connectTimeout, Duration requestTimeout) {
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    @Override
    public GatewayResponse authorize(Charge charge) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", charge.idempotencyKey());
        body.put("orderId", charge.orderId());
        body.put("amountMinor", charge.amountMinor());
        body.put("currency", charge.currency());
        body.put("token", charge.paymentToken());
        HttpResponse<String> response = send(post("/charges", body), "charge of " + charge.orderId());
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return toResponse(parse(response));
        }
        if (status == 400 || status == 422) {
            // The gateway looked at the request and made no charge for it: a definite answer.
            return new GatewayResponse(GatewayResponse.Outcome.DECLINED, null, "gateway rejected the charge: "
                    + detail(response));
        }
        throw unavailable(response, "charge of " + charge.orderId());
    }

    @Override
    public GatewayResponse refund(Refund refund) {
        HttpResponse<String> response = send(post("/charges/" + encode(refund.chargeReference()) + "/refunds",
                Map.of("idempotencyKey", refund.idempotencyKey())), "refund of " + refund.orderId());
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return new GatewayResponse(GatewayResponse.Outcome.REFUNDED, parse(response).path("refundId").asText(null),
                    refund.reason());
        }
        if (status == 404 || status == 409) {
            return new GatewayResponse(GatewayResponse.Outcome.NOT_REFUNDABLE, null, detail(response));
        }
        throw unavailable(response, "refund of " + refund.orderId());
    }

    @Override
    public Optional<GatewayResponse> lookup(String orderId) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/charges?idempotencyKey="
                        + encode(Charge.idempotencyKey(orderId)))).timeout(requestTimeout).GET().build();
        HttpResponse<String> response = send(request, "lookup of " + orderId);
        if (response.statusCode() == 200) {
            return Optional.of(toResponse(parse(response)));
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        throw unavailable(response, "lookup of " + orderId);
    }

    private static GatewayResponse toResponse(JsonNode charge) {
        String reference = charge.path("chargeId").asText(null);
        return switch (charge.path("status").asText()) {
            case "SUCCEEDED" -> new GatewayResponse(GatewayResponse.Outcome.AUTHORIZED, reference, null);
            case "DECLINED" -> new GatewayResponse(GatewayResponse.Outcome.DECLINED, reference,
                    charge.path("declineReason").asText("declined"));
            case "REFUNDED" -> new GatewayResponse(GatewayResponse.Outcome.REFUNDED, reference, "refunded");
            default -> throw new GatewayUnavailableException("gateway answered an unknown charge status: " + charge,
                    true);
        };
    }

    private HttpRequest post(String path, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a gateway request", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new GatewayUnavailableException(what + ": cannot connect to the gateway: " + e, e, false);
        } catch (IOException e) {
            // A request timeout or a connection dropped after the request went out: it may have been carried out.
            throw new GatewayUnavailableException(what + ": no answer from the gateway: " + e, e, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnavailableException(what + ": interrupted waiting for the gateway", e, true);
        }
    }

    private static GatewayUnavailableException unavailable(HttpResponse<String> response, String what) {
        // 429 = refused before acting; any other status (5xx above all) may come after the work was done.
        boolean uncertain = response.statusCode() != 429;
        return new GatewayUnavailableException(what + ": gateway answered " + response.statusCode() + " "
                + detail(response), uncertain);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new GatewayUnavailableException("gateway answered unreadable JSON: " + e.getMessage(), e, true);
        }
    }

    private static String detail(HttpResponse<String> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("detail").asText(problem.path("title").asText(response.body()));
        } catch (IOException | RuntimeException e) {
            return response.body();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
