package io.fastship.order.intake;

/** What one unit of a SKU costs now, in minor units of {@code currency}. */
public record CatalogPrice(String sku, long unitPriceMinor, String currency) {
}
