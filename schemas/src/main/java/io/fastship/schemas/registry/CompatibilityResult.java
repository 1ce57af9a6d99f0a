package io.fastship.schemas.registry;

import java.util.List;

/** The registry's verdict on a compatibility check, with its reasons when asked for verbosely. */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
