package io.fastship.order.intake;

import java.util.Optional;

/** The prices intake charges: the order service's read model of the catalog topic. */
public interface Catalog {

    /** The current price of {@code sku}, empty if the catalog does not sell it. */
    Optional<CatalogPrice> price(String sku);

    /**
     * Whether the catalog has been read up to where it stood at start. Until then a missing price says nothing
     * about the SKU (the read model may be waiting out a registry outage after a restart), so intake must answer
     * "try again", never "unknown SKU". A fixed catalog is loaded from the start.
     */
    default boolean loaded() {
        return true;
    }
}
