package io.fastship.bench;

import io.fastship.bench.phase.LoadSettings;
import picocli.CommandLine.Option;

/** The options of the open-loop phases: the sustainable-rate search, half load and the HTTP ceiling. */
final class LoadOptions {

    @Option(names = "--rate-window", paramLabel = "DURATION",
            description = "How long each steady rate of the search and the half-load run last (default 1m; 10s "
                    + "with --quick).")
    String window;

    @Option(names = "--start-rate", paramLabel = "N", defaultValue = "100",
            description = "First rate the search tries, orders/s; it doubles until one fails (default: ${DEFAULT-VALUE}).")
    double startRate;

    @Option(names = "--max-rate", paramLabel = "N", defaultValue = "10000",
            description = "Highest rate the search tries, orders/s (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Most rates the search tries (default 10; 4 with --quick).")
    Integer maxSteps;

    @Option(names = "--e2e-limit", paramLabel = "DURATION", defaultValue = "1s",
            description = "End-to-end p99 a sustainable rate stays under (default: ${DEFAULT-VALUE}).")
    String endToEndLimit;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "256",
            description = "Keep-alive connections the open-loop client may open (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--ceiling-duration", paramLabel = "DURATION",
            description = "How long the HTTP ceiling phase runs (default 10s; 3s with --quick).")
    String ceilingDuration;

    @Option(names = "--skip-search", description = "Do not run the sustainable-rate search nor the half-load run.")
    boolean skipSearch;

    LoadSettings settings(boolean quick) {
        return new LoadSettings(BenchCommand.parseDuration(window != null ? window : quick ? "10s" : "1m"), startRate,
                maxRate, maxSteps != null ? maxSteps : quick ? 4 : 10, BenchCommand.parseDuration(endToEndLimit),
                maxConnections, BenchCommand.parseDuration(ceilingDuration != null ? ceilingDuration
                : quick ? "3s" : "10s"), skipSearch);
    }
}
