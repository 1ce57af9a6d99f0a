package io.fastship.order.intake;

import java.util.Optional;

/** The prices intake charges: the order service's read model of the catalog topic. */
public interface Catalog {

    /** The current price of {@code sku}, empty if the catalog does not sell it. */
    Optional<CatalogPrice> price(String sku);
}
