package io.fastship.chaos.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.fastship.chaos.audit.Ledger;

/** The payment gateway's books over HTTP: {@code GET /ledger/{orderId}}. */
public final class GatewayLedger implements Ledger {

    private final JsonHttp http = new JsonHttp();
    private final String baseUrl;

    public GatewayLedger(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Entry of(String orderId) {
        return http.get(baseUrl + "/ledger/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8))
                .map(GatewayLedger::entry).orElse(new Entry(0, 0));
    }

    private static Entry entry(JsonNode json) {
        return new Entry(json.path("chargedMinor").asLong(), json.path("refundedMinor").asLong());
    }
}
