package io.fastship.inventory.http;

import java.util.List;
import java.util.Optional;

/** Answers stock questions from wherever the state lives; throws {@link StockUnavailableException} when it cannot. */
public interface StockLookup {

    /**
     * The stock of one SKU, empty when the SKU is unknown. {@code forwarded} says another instance sent the
     * question here as the owner, so it must not be sent on again.
     */
    Optional<StockView> find(String sku, boolean forwarded);

    /** The stock of every SKU, sorted by SKU: this instance's only, or gathered from every instance. */
    List<StockView> all(boolean localOnly);
}
