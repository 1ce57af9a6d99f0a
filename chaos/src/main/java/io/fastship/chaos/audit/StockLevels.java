package io.fastship.chaos.audit;

import java.util.Optional;

/** The inventory service's own count of one SKU ({@code GET /stock/{sku}}), to hold against the auditor's model. */
public interface StockLevels {

    /** Available and reserved units of a SKU, empty when the service does not know it. */
    Optional<Level> of(String sku);

    /** One SKU's units as the service reports them. */
    record Level(long available, long reserved) {
    }
}
