package io.fastship.inventory.stock;

import java.time.Instant;

import io.fastship.events.CatalogItem;
import io.fastship.events.PriceSet;

/**
 * Catalog entries as operations set them: the demo catalog prices every SKU at {@link #DEMO_PRICE_MINOR} EUR, the
 * price the demo requests, the bench and the tests send.
 */
public final class CatalogPrices {

    public static final long DEMO_PRICE_MINOR = 1999;
    public static final String DEMO_CURRENCY = "EUR";

    private CatalogPrices() {
    }

    /** The catalog record of one SKU at a price. */
    public static CatalogItem item(String sku, long priceMinor, String currency) {
        return CatalogItem.newBuilder()
                .setSku(sku)
                .setPrice(new PriceSet(priceMinor, currency))
                .setUpdatedAt(Instant.now())
                .build();
    }
}
