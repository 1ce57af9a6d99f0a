package io.fastship.inventory.stock;

/**
 * The stock of one SKU: units that can still be promised ({@code available}) and units held for orders
 * ({@code reserved}). Neither ever goes below zero; reserving and releasing move units between the two.
 */
public record StockLevel(long available, long reserved) {

    public StockLevel {
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException("stock cannot be negative: available " + available
                    + ", reserved " + reserved);
        }
    }

    public static StockLevel of(long available) {
        return new StockLevel(available, 0);
    }

    public boolean canReserve(long quantity) {
        return quantity <= available;
    }

    public StockLevel reserve(long quantity) {
        return new StockLevel(available - quantity, reserved + quantity);
    }

    public StockLevel release(long quantity) {
        return new StockLevel(available + quantity, reserved - quantity);
    }

    /** Operations counted the shelf: available becomes {@code units}; what is held for orders stays held. */
    public StockLevel withAvailable(long units) {
        return new StockLevel(units, reserved);
    }
}
