package io.fastship.gateway;

import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * An open-addressing hash table of charges (linear probing): one reference per charge in one array, where a
 * HashMap spends a 32-byte node and a key object on each. A charge's hash is computed from the charge, so growing
 * needs no stored hashes. Not thread-safe: the ledger's lock guards it.
 */
final class ChargeTable {

    private final ToLongFunction<StoredCharge> hashOf;
    private StoredCharge[] cells = new StoredCharge[64];
    private int size;

    ChargeTable(ToLongFunction<StoredCharge> hashOf) {
        this.hashOf = hashOf;
    }

    /** The charge with this hash that matches, or null; every charge with one hash lies in one probe run. */
    StoredCharge find(long hash, Predicate<StoredCharge> matches) {
        StoredCharge[] table = cells;
        int mask = table.length - 1;
        for (int i = (int) hash & mask; table[i] != null; i = (i + 1) & mask) {
            if (matches.test(table[i])) {
                return table[i];
            }
        }
        return null;
    }

    /** Puts the charge in place of the one that matches, else adds it; returns the one replaced, or null. */
    StoredCharge put(long hash, Predicate<StoredCharge> matches, StoredCharge charge) {
        int mask = cells.length - 1;
        int i = (int) hash & mask;
        for (; cells[i] != null; i = (i + 1) & mask) {
            if (matches.test(cells[i])) {
                StoredCharge replaced = cells[i];
                cells[i] = charge;
                return replaced;
            }
        }
        cells[i] = charge;
        size++;
        // At most 3/4 full: probe runs stay short.
        if (size * 4L > cells.length * 3L) {
            grow();
        }
        return null;
    }

    private void grow() {
        StoredCharge[] old = cells;
        cells = new StoredCharge[old.length * 2];
        int mask = cells.length - 1;
        for (StoredCharge charge : old) {
            if (charge != null) {
                int i = (int) hashOf.applyAsLong(charge) & mask;
                while (cells[i] != null) {
                    i = (i + 1) & mask;
                }
                cells[i] = charge;
            }
        }
    }
}
