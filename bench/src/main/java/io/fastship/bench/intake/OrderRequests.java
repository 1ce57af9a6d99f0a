package io.fastship.bench.intake;

import java.util.Locale;

/**
 * The orders the bench places: one line each, spread round-robin over the demo catalog (SKU-0001..), a card
 * token the simulated gateway authorizes, so every order can be confirmed when there is stock.
 */
public record OrderRequests(int skus, String runId) {

    public static final int UNIT_PRICE_MINOR = 1999;
    public static final String CURRENCY = "EUR";
    public static final String PAYMENT_TOKEN = "tok_visa";

    public OrderRequests {
        if (skus < 1 || skus > 9999) {
            throw new IllegalArgumentException("skus must be 1..9999, was " + skus);
        }
    }

    public static String sku(int number) {
        return String.format(Locale.ROOT, "SKU-%04d", number);
    }

    /** The JSON body of order number {@code n}. */
    public String body(long n) {
        return "{\"customerId\":\"bench-" + runId + "-" + (n % 1000) + "\",\"currency\":\"" + CURRENCY
                + "\",\"paymentToken\":\"" + PAYMENT_TOKEN + "\",\"items\":[{\"sku\":\"" + sku((int) (n % skus) + 1)
                + "\",\"quantity\":1,\"unitPrice\":" + UNIT_PRICE_MINOR + "}]}";
    }

    /** Units of each SKU that {@code orders} orders take at most. */
    public long unitsPerSku(long orders) {
        return (orders + skus - 1) / skus;
    }
}
