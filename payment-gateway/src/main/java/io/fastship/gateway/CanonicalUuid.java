package io.fastship.gateway;

import java.util.UUID;

/**
 * The text of a UUID exactly as {@link UUID#toString()} writes it (36 lowercase hex digits and dashes): only that
 * form is kept as two longs, because only that form is written back identically.
 */
final class CanonicalUuid {

    private static final int LENGTH = 36;

    private CanonicalUuid() {
    }

    /** The UUID written in {@code text} from {@code from} to its end, or null unless that is the canonical form. */
    static UUID parse(String text, int from) {
        if (text.length() - from != LENGTH) {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(from + i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (value < 0) {
                return null;
            }
            if (digits++ < 16) {
                high = high << 4 | value;
            } else {
                low = low << 4 | value;
            }
        }
        return new UUID(high, low);
    }
}
