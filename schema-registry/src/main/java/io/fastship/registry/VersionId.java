package io.fastship.registry;

import java.util.Locale;
import java.util.OptionalInt;

/** A version path segment: a number from 1 up or {@code latest} in any case. */
record VersionId(OptionalInt number) {

    private static final VersionId LATEST = new VersionId(OptionalInt.empty());

    /** Parses the segment; anything else is a 422/42202. */
    public static VersionId parse(String text) {
        if (text == null) {
            throw RegistryException.invalidVersion("null");
        }
        String trimmed = text.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
            return LATEST;
        }
        try {
            int value = Integer.parseInt(trimmed);
            if (value >= 1) {
                return new VersionId(OptionalInt.of(value));
            }
        } catch (NumberFormatException e) {
            // falls through to the API's own error
        }
        throw RegistryException.invalidVersion(text);
    }

    public boolean isLatest() {
        return number.isEmpty();
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : Integer.toString(number.getAsInt());
    }
}
