package io.fastship.inspector.groups;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.ConnectionOptions;
import io.fastship.inspector.Durations;
import io.fastship.inspector.StopSignal;
import io.fastship.inspector.output.Json;
import io.fastship.inspector.output.OutputOptions;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect watch GROUP}: the group's members, assignment and lag, refreshed until Ctrl-C. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Live view of a group's members, assignment and lag per partition (Ctrl-C stops).")
public final class WatchCommand implements Callable<Integer> {

    /** ANSI: cursor home, then erase the screen. */
    static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "GROUP", description = "Consumer group id or Kafka Streams application id.")
    String group;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = Durations.Converter.class,
            description = "Time between refreshes (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "0",
            description = "Stop after N refreshes (default: until Ctrl-C).")
    long iterations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (iterations < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--iterations must be 0 or more");
        }
        boolean clear = !output.json() && System.console() != null;
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        try (Cluster cluster = connection.connect(); StopSignal stop = new StopSignal(() -> { })) {
            GroupInspector inspector = new GroupInspector(cluster);
            for (long done = 0; iterations == 0 || done < iterations; done++) {
                if (done > 0 && stop.awaitStop(interval)) {
                    break;
                }
                GroupSnapshot snapshot = inspector.snapshot(group);
                out.print(output.json() ? Json.line(new WatchFrame(clock.instant().toString(), snapshot)) + "\n"
                        : frame(snapshot, clock.instant(), interval, clear));
                out.flush();
            }
            return 0;
        }
    }

    /** One refresh: on a terminal the screen is cleared first; elsewhere frames follow each other. */
    static String frame(GroupSnapshot snapshot, Instant at, Duration interval, boolean clearScreen) {
        String title = at + "  every " + Durations.format(interval) + " (Ctrl-C stops)\n\n";
        return (clearScreen ? CLEAR_SCREEN : "") + title + GroupView.render(snapshot) + (clearScreen ? "" : "\n");
    }

    /** A refresh in {@code --output json}: one line per refresh. */
    record WatchFrame(String at, GroupSnapshot group) {
    }
}
