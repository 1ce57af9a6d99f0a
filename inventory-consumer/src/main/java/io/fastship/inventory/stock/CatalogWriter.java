package io.fastship.inventory.stock;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fastship.events.CatalogItem;
import io.fastship.platform.config.KafkaConnection;
import io.fastship.schemas.Topics;

/** Writes prices to the compacted catalog topic (creating it like the services do), waiting for every ack. */
public final class CatalogWriter {

    private CatalogWriter() {
    }

    /** Sets every SKU in {@code skus} to {@code priceMinor} in {@code currency}; returns how many were written. */
    public static int write(KafkaConnection connection, String namespace, int partitions, Collection<String> skus,
                            long priceMinor, String currency) {
        Map<String, CatalogItem> items = new LinkedHashMap<>();
        skus.forEach(sku -> items.put(sku, CatalogPrices.item(sku, priceMinor, currency)));
        return SeedWriter.write(connection, "catalog-writer", Topics.CATALOG.inNamespace(namespace), partitions, items);
    }
}
