package io.fastship.order.intake;

import java.util.List;

/**
 * An order request that passed every syntactic rule, not priced yet ({@link OrderPricing} does that).
 *
 * @param customerId the customer named in the body, or {@code null} if it named none (then the API key's applies)
 */
public record ValidOrder(String customerId, String currency, List<RequestedLine> lines, String paymentToken) {

    public ValidOrder {
        lines = List.copyOf(lines);
    }
}
