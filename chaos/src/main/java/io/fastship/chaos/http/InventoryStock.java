package io.fastship.chaos.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.fastship.chaos.audit.StockLevels;

/** The inventory service's own counts over HTTP: {@code GET /stock/{sku}} gives available and reserved. */
public final class InventoryStock implements StockLevels {

    private final JsonHttp http = new JsonHttp();
    private final String baseUrl;

    public InventoryStock(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @Override
    public Optional<Level> of(String sku) {
        return http.get(baseUrl + "/stock/" + URLEncoder.encode(sku, StandardCharsets.UTF_8))
                .map(json -> new Level(json.path("available").asLong(), json.path("reserved").asLong()));
    }
}
