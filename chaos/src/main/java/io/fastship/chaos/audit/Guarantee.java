package io.fastship.chaos.audit;

/** Every promise the README makes that the auditor checks; each violation names one of these. */
public enum Guarantee {
    FINAL_STATUS("every accepted order has a final status (CONFIRMED or CANCELLED)"),
    NO_FLIP("a final status never changes"),
    STATUS_ONCE("a final status is published once"),
    PAYMENT_ONCE("at most one PaymentEvent per order and status, never both AUTHORIZED and DECLINED"),
    INVENTORY_ONCE("at most one InventoryEvent per order and status"),
    COMPENSATED("a CONFIRMED order is paid and holds its stock; a CANCELLED one was refunded and released"),
    LEDGER("the gateway charged a CONFIRMED order its total once and a CANCELLED order nothing net"),
    STOCK_CONSERVED("per SKU, initial units = available + reserved + sold, never negative"),
    DEAD_LETTERS_ONLY_POISON("the dead-letter topics received only the poison injected on purpose"),
    POISON_DEAD_LETTERED("every poison record injected reached a dead-letter topic"),
    NO_TIMEOUT_WITH_OUTCOMES("no order was cancelled for timeout after both its outcomes were published"),
    CLIENTS_SAW_COMMITTED("every status a client was told is one committed on order-status, and a final status told is "
            + "the committed final");

    private final String description;

    Guarantee(String description) {
        this.description = description;
    }

    /** The promise in one line, as the report prints it. */
    public String description() {
        return description;
    }
}
