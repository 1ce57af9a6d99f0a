package io.fastship.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.fastship.bench.progress.Progress;
import io.fastship.bench.report.BenchReport;
import io.fastship.bench.report.HtmlReport;
import io.fastship.bench.report.JsonReport;
import io.fastship.bench.report.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fastship bench}: measures the whole order flow against Kafka's own producer limit on the same broker. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark the whole flow: Kafka's ProducerPerformance baseline, the HTTP ceiling, intake, "
                + "the sustainable-rate search, end to end at half that rate with CPU and broker writes per order, "
                + "and payment scaling; or, with --soak, memory and state over a long run. Starts its own stack on "
                + "free ports unless --bootstrap-server, --schema-registry and --order-url point at a running one.",
                "The report goes to stdout (and --json FILE, --html FILE); progress goes to stderr."})
public final class BenchCommand implements Callable<Integer> {

    /** Full-size defaults and the {@code --quick} smoke profile. */
    enum Profile {
        FULL(50_000, 1_000, 500_000, 3_000),
        QUICK(2_000, 200, 100_000, 600);

        final long orders;
        final long warmup;
        final long baselineRecords;
        final long scalingOrders;

        Profile(long orders, long warmup, long baselineRecords, long scalingOrders) {
            this.orders = orders;
            this.warmup = warmup;
            this.baselineRecords = baselineRecords;
            this.scalingOrders = scalingOrders;
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Smoke profile: 2,000 orders, 200 warm-up, 100,000 baseline records, "
            + "600 orders per scaling step (explicit options still win).")
    boolean quick;

    @Option(names = "--orders", paramLabel = "N", description = "Orders to place (default 50000; 2000 with --quick).")
    Long orders;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "HTTP requests in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--warmup", paramLabel = "N", description = "Orders placed and awaited before measuring "
            + "(default 1000; 200 with --quick).")
    Long warmup;

    @Option(names = "--baseline-records", paramLabel = "N",
            description = "Records ProducerPerformance sends (default 500000; 100000 with --quick).")
    Long baselineRecords;

    @Option(names = "--gateway-latency-ms", paramLabel = "MS", defaultValue = "20",
            description = "Simulated payment gateway latency in the scaling phase (default: ${DEFAULT-VALUE}).")
    int gatewayLatencyMs;

    @Option(names = "--scaling-orders", paramLabel = "N",
            description = "Orders of the backlog each scaling step drains (default 3000; 600 with --quick).")
    Long scalingOrders;

    @Option(names = "--scaling-instances", paramLabel = "N[,N...]", split = ",", defaultValue = "1,2,4",
            description = "Payment instance counts of the scaling phase (default: ${DEFAULT-VALUE}).")
    List<Integer> scalingInstances;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions of every topic of a stack the bench starts (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--final-timeout", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "How long to wait for the last final status after the last order (ISO-8601 or e.g. 90s; "
                    + "default: 5m).")
    String finalTimeout;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as one HTML page with charts.")
    Path html;

    @Option(names = "--pid", paramLabel = "NAME=PID", description = "A process of a running stack to measure the CPU "
            + "of (repeatable), e.g. --pid broker-1=1234 --pid order-1=2345.")
    Map<String, Long> pids = new LinkedHashMap<>();

    @Mixin
    LoadOptions load = new LoadOptions();

    @Mixin
    SoakOptions soak = new SoakOptions();

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", description = "Kafka of a running stack.")
    String bootstrapServer;

    @Option(names = "--schema-registry", paramLabel = "URL", description = "Schema registry of a running stack.")
    String schemaRegistry;

    @Option(names = "--order-url", paramLabel = "URL", description = "Order service of a running stack.")
    String orderUrl;

    @Option(names = "--topic-namespace", paramLabel = "NS", defaultValue = "",
            description = "TOPIC_NAMESPACE of the running stack's services (default: none).")
    String topicNamespace;

    @Option(names = "--stack-dir", paramLabel = "DIR", description = "Data directory of a running './fastship up' "
            + "(e.g. .fastship): lets the bench scale it and read its processes' memory.")
    Path stackDir;

    @Option(names = "--command-config", paramLabel = "FILE", description = "Client properties of a running secure "
            + "stack (security.protocol, sasl.*, ssl.*, basic.auth.* for the registry), e.g. its "
            + "secure/tools.properties; --stack-dir of a secure stack finds them itself.")
    Path commandConfig;

    @Option(names = "--secure", description = "The stack the bench starts runs Kafka on SASL_SSL with SCRAM and ACLs "
            + "and the registry behind basic auth (as up --secure); the bench reads as fastship-tools and runs "
            + "its baseline as fastship-bench.")
    boolean secure;

    @Option(names = "--broker-pid", paramLabel = "PID", description = "Pid of a running stack's broker, for its RSS.")
    Long brokerPid;

    @Option(names = "--seed-stock", description = "Set the stock of the SKUs the bench orders on a running stack "
            + "(always done on a stack the bench starts).")
    boolean seedStock;

    @Option(names = "--api-key", paramLabel = "KEY", description = "X-API-Key for POST /orders (ORDER_API_KEYS).")
    String apiKey;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".fastship-bench",
            description = "Data and logs of a stack the bench starts; wiped first (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--service-env", paramLabel = "KEY=VALUE",
            description = "Extra environment for every service of a stack the bench starts (repeatable), "
                    + "to try a tuning, e.g. --service-env STREAMS_COMMIT_INTERVAL=50ms.")
    Map<String, String> serviceEnv = new LinkedHashMap<>();

    @Option(names = "--skip-baseline", description = "Do not run ProducerPerformance.")
    boolean skipBaseline;

    @Option(names = "--skip-scaling", description = "Do not run the payment scaling phase.")
    boolean skipScaling;

    public static void main(String[] args) {
        // local-stack's jar carries a logback.xml too; ours keeps stdout for the report.
        System.setProperty("logback.configurationFile", "bench-logback.xml");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = settings();
        BenchReport report;
        try (Progress progress = Progress.onStderr()) {
            report = new BenchRun(settings, progress).run();
        }
        System.out.print(TextReport.render(report));
        settings.jsonFile().ifPresent(file -> {
            JsonReport.write(report, file);
            System.err.println("JSON report written to " + file.toAbsolutePath());
        });
        settings.htmlFile().ifPresent(file -> {
            HtmlReport.write(report, file);
            System.err.println("HTML report written to " + file.toAbsolutePath());
        });
        boolean complete = report.intakeEndToEnd() == null || report.intakeEndToEnd().missing() == 0;
        return complete ? 0 : 1;
    }

    /** The options, with the profile's defaults filled in and every value checked; a bad one is a usage error. */
    BenchSettings settings() {
        Profile profile = quick ? Profile.QUICK : Profile.FULL;
        List<String> given = new ArrayList<>();
        if (bootstrapServer != null) {
            given.add("--bootstrap-server");
        }
        if (schemaRegistry != null) {
            given.add("--schema-registry");
        }
        if (orderUrl != null) {
            given.add("--order-url");
        }
        if (!given.isEmpty() && given.size() < 3) {
            throw new ParameterException(spec.commandLine(), "a running stack needs all of --bootstrap-server, "
                    + "--schema-registry and --order-url (got only " + String.join(", ", given) + ")");
        }
        if (given.isEmpty() && (stackDir != null || brokerPid != null || seedStock || !topicNamespace.isEmpty()
                || !pids.isEmpty() || commandConfig != null)) {
            throw new ParameterException(spec.commandLine(), "--stack-dir, --broker-pid, --pid, --seed-stock, "
                    + "--command-config and --topic-namespace apply to a running stack (give --bootstrap-server, "
                    + "--schema-registry, --order-url)");
        }
        if (!given.isEmpty() && secure) {
            throw new ParameterException(spec.commandLine(), "--secure applies only to a stack the bench starts; "
                    + "a running secure stack's credentials come from --stack-dir or --command-config");
        }
        if (!given.isEmpty() && (!serviceEnv.isEmpty() || soak.stateRetention != null)) {
            throw new ParameterException(spec.commandLine(), "--service-env and --state-retention apply only to a "
                    + "stack the bench starts");
        }
        if (soak.soakOnlyGiven()) {
            throw new ParameterException(spec.commandLine(), "--state-retention applies only with --soak");
        }
        Optional<BenchSettings.Existing> existing = given.isEmpty() ? Optional.empty()
                : Optional.of(new BenchSettings.Existing(bootstrapServer, schemaRegistry, orderUrl, topicNamespace,
                Optional.ofNullable(stackDir), Optional.ofNullable(brokerPid), pids, Optional.ofNullable(commandConfig)));
        try {
            return new BenchSettings(orDefault(orders, profile.orders), concurrency, orDefault(warmup, profile.warmup),
                    orDefault(baselineRecords, profile.baselineRecords), gatewayLatencyMs,
                    orDefault(scalingOrders, profile.scalingOrders), scalingInstances, partitions,
                    parseDuration(finalTimeout), existing, dataDir, Path.of("").toAbsolutePath(), serviceEnv,
                    Optional.ofNullable(apiKey), seedStock || given.isEmpty(), Optional.ofNullable(json),
                    skipBaseline, skipScaling, load.settings(quick), soak.settings(), Optional.ofNullable(html), secure);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code PT90S}, {@code 90s}, {@code 5m} or {@code 1500ms}. */
    static Duration parseDuration(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("pt")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException("bad unit");
            };
        } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 90s, 5m, 2h, 1d, 1500ms or PT5M)");
        }
    }

    private static long orDefault(Long value, long fallback) {
        return value != null ? value : fallback;
    }
}
