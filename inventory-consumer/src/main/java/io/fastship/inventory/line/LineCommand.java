package io.fastship.inventory.line;

import java.util.Objects;

/**
 * An instruction to the owner of one SKU about one order line, keyed by SKU on the line-commands topic:
 * take the units ({@link Kind#RESERVE}), give back what was taken ({@link Kind#RELEASE}), or forget the line of a
 * closed order whose retention has passed ({@link Kind#FORGET}, answered with nothing).
 */
public record LineCommand(Kind kind, String orderId, int line, String sku, int quantity) {

    /** What the SKU owner is asked to do. */
    public enum Kind { RESERVE, RELEASE, FORGET }

    public LineCommand {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
    }

    /** Identity of the order line in the SKU owner's memory: the same line is never reserved twice. */
    public String lineKey() {
        return orderId + "#" + line;
    }
}
