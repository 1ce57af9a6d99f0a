package io.fastship.order.intake;

/**
 * One line as the client asked for it, before the server prices it.
 *
 * @param unitPrice the price the client expects to pay, or {@code null} when it left pricing to the server
 */
public record RequestedLine(String sku, int quantity, Long unitPrice) {
}
