package io.fastship.order.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fastship.events.LineItem;

/**
 * Prices an order from the catalog: the server decides every unit price and the total, the client's
 * {@code unitPrice} is only checked. A SKU the catalog does not sell, or sells in another currency, cannot be
 * ordered (422); a line whose price differs from the current one is a conflict (409), so a client never pays a
 * price it did not see, and never a price it made up.
 */
public final class OrderPricing {

    private final Catalog catalog;

    public OrderPricing(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The outcome of pricing. */
    public sealed interface Result {
    }

    /** Every line priced from the catalog; {@code totalMinor} is their sum. */
    public record Priced(List<LineItem> items, long totalMinor) implements Result {
        public Priced {
            items = List.copyOf(items);
        }
    }

    /** Lines that cannot be ordered at all (unknown SKU, other currency, a total beyond a long): 422. */
    public record Unpriceable(List<FieldError> errors) implements Result {
        public Unpriceable {
            errors = List.copyOf(errors);
        }
    }

    /** Lines whose sent {@code unitPrice} is not the current one: 409, with the current prices. */
    public record PriceChanged(List<FieldError> errors, List<LinePrice> current) implements Result {
        public PriceChanged {
            errors = List.copyOf(errors);
            current = List.copyOf(current);
        }
    }

    /** The catalog is not loaded yet, so no line can be judged: 503, try again shortly. */
    public record CatalogNotLoaded() implements Result {
    }

    /** The current price of the line at {@code pointer} (e.g. {@code /items/0/unitPrice}). */
    public record LinePrice(String pointer, String sku, long unitPrice, String currency) {
    }

    public Result price(ValidOrder order) {
        if (!catalog.loaded()) {
            return new CatalogNotLoaded();
        }
        List<FieldError> unpriceable = new ArrayList<>();
        List<FieldError> changed = new ArrayList<>();
        List<LinePrice> current = new ArrayList<>();
        List<LineItem> items = new ArrayList<>(order.lines().size());
        for (int i = 0; i < order.lines().size(); i++) {
            RequestedLine line = order.lines().get(i);
            String base = "/items/" + i;
            Optional<CatalogPrice> price = catalog.price(line.sku());
            if (price.isEmpty()) {
                unpriceable.add(new FieldError(base + "/sku", "unknown SKU '" + line.sku() + "'; the catalog does "
                        + "not sell it"));
                continue;
            }
            CatalogPrice catalogPrice = price.get();
            if (!catalogPrice.currency().equals(order.currency())) {
                unpriceable.add(new FieldError(base + "/sku", line.sku() + " is sold in " + catalogPrice.currency()
                        + ", not in the order's currency " + order.currency()));
                continue;
            }
            if (line.unitPrice() != null && line.unitPrice() != catalogPrice.unitPriceMinor()) {
                changed.add(new FieldError(base + "/unitPrice", "the current price of " + line.sku() + " is "
                        + catalogPrice.unitPriceMinor() + " " + catalogPrice.currency() + " minor units, not "
                        + line.unitPrice()));
                current.add(new LinePrice(base + "/unitPrice", line.sku(), catalogPrice.unitPriceMinor(),
                        catalogPrice.currency()));
            }
            items.add(new LineItem(line.sku(), line.quantity(), catalogPrice.unitPriceMinor()));
        }
        if (!unpriceable.isEmpty()) {
            return new Unpriceable(unpriceable);
        }
        if (!changed.isEmpty()) {
            return new PriceChanged(changed, current);
        }
        try {
            return new Priced(items, total(items));
        } catch (ArithmeticException e) {
            return new Unpriceable(List.of(new FieldError("/items", "the order total overflows " + Long.MAX_VALUE
                    + " minor units")));
        }
    }

    /** Sum of quantity times unit price; throws {@link ArithmeticException} instead of wrapping around. */
    static long total(List<LineItem> items) {
        long total = 0;
        for (LineItem item : items) {
            total = Math.addExact(total, Math.multiplyExact(item.getQuantity(), item.getUnitPriceMinor()));
        }
        return total;
    }
}
