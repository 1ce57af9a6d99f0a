package io.fastship.bench;

import java.util.Optional;

import io.fastship.bench.phase.SoakSettings;
import picocli.CommandLine.Option;

/** The options of the soak ({@code --soak}): instead of the other phases, {@code --orders} at a steady rate. */
final class SoakOptions {

    @Option(names = "--soak", description = "Run the soak instead of the other phases: --orders orders at "
            + "--soak-rate, RSS and store entries sampled, then one instance of each service restarted and timed.")
    boolean enabled;

    @Option(names = "--soak-rate", paramLabel = "N", defaultValue = "300",
            description = "Orders per second of the soak (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--sample-interval", paramLabel = "DURATION", defaultValue = "5s",
            description = "How often the soak samples RSS and store entries (default: ${DEFAULT-VALUE}).")
    String sampleInterval;

    @Option(names = "--state-retention", paramLabel = "DURATION",
            description = "STATE_RETENTION (ISO-8601) for every service of the stack the bench starts, e.g. 10m.")
    String stateRetention;

    boolean soakOnlyGiven() {
        return !enabled && stateRetention != null;
    }

    SoakSettings settings() {
        return new SoakSettings(enabled, rate, BenchCommand.parseDuration(sampleInterval),
                Optional.ofNullable(stateRetention).map(BenchCommand::parseDuration));
    }
}
