package io.fastship.platform.state;

/**
 * Keys that sort by a due time, {@code <due millis, 19 digits>|<key>}: a store ordered by key bytes then holds
 * everything due by a time as one range from the start.
 */
public final class DueKeys {

    /** The length of the due-time digits at the start of a key. */
    public static final int DIGITS = 19;

    private DueKeys() {
    }

    /** The key of {@code key} due at {@code dueMillis} (negative times count as 0). */
    public static String of(long dueMillis, String key) {
        return prefix(dueMillis) + key;
    }

    /** The first key an entry due at {@code dueMillis} or later can have. */
    public static String from(long dueMillis) {
        return prefix(dueMillis);
    }

    /** The inclusive upper end of the range of entries due at {@code nowMillis}. */
    public static String upTo(long nowMillis) {
        // U+FFFF encodes to bytes above every ASCII byte, so it sorts after any key due at this millisecond.
        return prefix(nowMillis) + '\uffff';
    }

    /** The due time of a key made by {@link #of}. */
    public static long dueOf(CharSequence dueKey) {
        return Long.parseLong(dueKey, 0, DIGITS, 10);
    }

    private static String prefix(long dueMillis) {
        String digits = Long.toString(Math.max(0, dueMillis));
        StringBuilder prefix = new StringBuilder(DIGITS + 1);
        prefix.append("0".repeat(DIGITS - digits.length())).append(digits).append('|');
        return prefix.toString();
    }
}
