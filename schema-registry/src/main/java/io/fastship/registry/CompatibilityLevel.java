package io.fastship.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The compatibility rules a subject's new schema versions must follow, as named by the Confluent API. */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** What a registry uses when nobody configured anything. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must be able to read data written with the old one. */
    public boolean backward() {
        return backward;
    }

    /** The old schema must be able to read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Check against every live version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level in any case; unknown or missing names are a 422/42203. */
    public static CompatibilityLevel parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidCompatibilityLevel(String.valueOf(text));
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalidCompatibilityLevel(text);
        }
    }

    static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
