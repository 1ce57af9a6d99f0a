package io.fastship.chaos.scenario;

import java.time.Duration;
import java.util.Objects;

import io.fastship.localstack.fault.Fault;

/** A fault and the moment of the run it fires at, e.g. {@code 20s:registry:down:20s}. */
public record FaultAt(Duration at, Fault fault) {

    public FaultAt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(fault, "fault");
        if (at.isNegative()) {
            throw new IllegalArgumentException("a fault cannot fire before the run starts: " + at);
        }
    }

    /** {@code AT:TARGET:ACTION[:DURATION]}, e.g. {@code 10s:broker-2:kill} or {@code 30s:payment-1:pause:45s}. */
    public static FaultAt parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").strip().split(":");
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException("fault '" + text + "' is not AT:TARGET:ACTION[:DURATION],"
                    + " e.g. 10s:broker-2:kill or 20s:registry:down:20s");
        }
        return new FaultAt(Fault.parseDuration(parts[0]),
                Fault.parse(parts[1], parts[2], parts.length == 4 ? parts[3] : null));
    }

    /** How the report names the fault's window, e.g. {@code 20s registry down 20s}. */
    public String label() {
        return at.toSeconds() + "s " + fault.target() + " " + fault.action().wire()
                + fault.duration().map(d -> " " + d.toSeconds() + "s").orElse("");
    }

    /** When the fault is over: its moment plus how long a pause or down lasts. */
    public Duration endsAt() {
        return at.plus(fault.duration().orElse(Duration.ZERO));
    }
}
