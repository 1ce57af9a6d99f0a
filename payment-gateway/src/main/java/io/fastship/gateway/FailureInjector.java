package io.fastship.gateway;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import io.fastship.gateway.GatewaySettings.FailureKind;

/** Decides, per call, whether and how the gateway fails: a share {@code rate} of calls, kinds picked evenly. */
public final class FailureInjector {

    private final double rate;
    private final List<FailureKind> kinds;
    private final DoubleSupplier random;

    public FailureInjector(double rate, java.util.Set<FailureKind> kinds, DoubleSupplier random) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be within 0..1, was " + rate);
        }
        this.rate = rate;
        this.kinds = List.copyOf(new java.util.TreeSet<>(kinds));
        this.random = random;
    }

    /** The failure for this call, if it fails. */
    public Optional<FailureKind> next() {
        if (rate == 0 || kinds.isEmpty() || random.getAsDouble() >= rate) {
            return Optional.empty();
        }
        int index = (int) Math.min(kinds.size() - 1, Math.floor(random.getAsDouble() * kinds.size()));
        return Optional.of(kinds.get(index));
    }

    /** For a 5xx: whether it comes after the operation was done (half of them). */
    public boolean afterOperation() {
        return random.getAsDouble() < 0.5;
    }
}
