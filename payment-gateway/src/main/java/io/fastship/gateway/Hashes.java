package io.fastship.gateway;

/** 64-bit hashes for the ledger's tables and derived ids; well mixed, so their low bits index a table directly. */
final class Hashes {

    private Hashes() {
    }

    /** The 64-bit finalizer of MurmurHash3: every input bit moves every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static long uuid(long high, long low) {
        return mix(mix(high) ^ low);
    }

    /** FNV-1a over the characters, mixed: 64 bits, where {@link String#hashCode()} has 32. */
    static long text(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return mix(hash);
    }
}
