package io.fastship.chaos.report;

import java.time.Instant;
import java.util.Objects;

/** A stretch of the run that starts when a fault fires (or the run starts) and lasts until the next one. */
public record FaultWindow(String label, Instant start) {

    public FaultWindow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(start, "start");
    }
}
