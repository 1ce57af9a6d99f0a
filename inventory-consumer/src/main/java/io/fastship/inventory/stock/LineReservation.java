package io.fastship.inventory.stock;

import io.fastship.events.LineOutcome;

/**
 * What the SKU owner did for one order line, remembered so that a repeated command changes nothing:
 * RESERVED (units held), INSUFFICIENT_STOCK or UNKNOWN_SKU (refused), RELEASED (given back), or
 * NOT_RESERVED (a release came first, so a late reserve must not take units).
 */
public record LineReservation(LineOutcome outcome, int quantity) {
}
