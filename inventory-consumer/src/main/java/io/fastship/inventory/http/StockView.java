package io.fastship.inventory.http;

/** The stock of one SKU as HTTP shows it. */
public record StockView(String sku, long available, long reserved) {
}
