package io.fastship.localstack.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fastship.localstack.LocalStack;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.RunningStack;
import io.fastship.localstack.process.ConsoleProcess;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.security.StackSecurity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fastship up}: starts everything and runs until Ctrl-C, which stops it all in reverse order. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the broker, the schema registry and every service; Ctrl-C stops them all.")
final class UpCommand implements Callable<Integer> {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final Duration MIN_STATE_RETENTION = Duration.ofMinutes(2);

    @Option(names = "--data-dir", defaultValue = ".fastship", description = "Data and logs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--order-instances", defaultValue = "1", description = "Order service instances (default: ${DEFAULT-VALUE}).")
    int orderInstances;

    @Option(names = "--payment-instances", defaultValue = "1", description = "Payment service instances (default: ${DEFAULT-VALUE}).")
    int paymentInstances;

    @Option(names = "--inventory-instances", defaultValue = "1", description = "Inventory service instances (default: ${DEFAULT-VALUE}).")
    int inventoryInstances;

    @Option(names = "--gateway-latency-ms", defaultValue = "0", description = "Simulated payment gateway latency (default: ${DEFAULT-VALUE}).")
    int gatewayLatencyMs;

    @Option(names = "--gateway-failure-rate", defaultValue = "0", description = "Share 0..1 of gateway calls that fail: refused, timeout after charging, 5xx (default: ${DEFAULT-VALUE}).")
    double gatewayFailureRate;

    @Option(names = "--seed-skus", defaultValue = "100", description = "Demo catalog: SKU-0001.. (default: ${DEFAULT-VALUE}).")
    int seedSkus;

    @Option(names = "--seed-units", defaultValue = "1000", description = "Units of each demo SKU (default: ${DEFAULT-VALUE}).")
    long seedUnits;

    @Option(names = "--brokers", defaultValue = "1",
            description = "Kafka broker processes: 1, or 3 for a replicated cluster with RF 3, min ISR 2 (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--secure", description = "Kafka on SASL_SSL (SCRAM-SHA-512, a CA of its own) with ACLs, one "
            + "principal per service, the registry behind basic auth; tools read <data-dir>/secure/tools.properties.")
    boolean secure;
    @Option(names = "--state-retention", paramLabel = "DURATION",
            description = "STATE_RETENTION of every service: how long per-order state is kept after the order closed, "
                    + "e.g. 10m or PT1H (default: the services' own, the order topics' retention).")
    String stateRetention;

    @Option(names = "--fresh", description = "Delete the data directory first.")
    boolean fresh;

    @Option(names = "--quiet", description = "Do not echo service logs to the console (they are in <data-dir>/logs).")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        if (brokers < 1 || brokers > 5) {
            throw new IllegalArgumentException("--brokers must be 1..5, was " + brokers);
        }
        String retention = stateRetention == null ? null : stateRetention(stateRetention);
        // Held until this JVM exits: a second up on this directory refuses before touching anything.
        DataDirLock lock = DataDirLock.acquire(dataDir);
        if (fresh) {
            DataDirectory.wipe(dataDir, dataDir.resolve(DataDirLock.FILE));
        }
        Map<ServiceKind, Integer> instances = new EnumMap<>(ServiceKind.class);
        instances.put(ServiceKind.ORDER, orderInstances);
        instances.put(ServiceKind.PAYMENT, paymentInstances);
        instances.put(ServiceKind.INVENTORY, inventoryInstances);
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_LATENCY_MS", Integer.toString(gatewayLatencyMs));
        env.put("GATEWAY_FAILURE_RATE", Double.toString(gatewayFailureRate));
        if (retention != null) {
            env.put("STATE_RETENTION", retention);
        }
        LocalStackOptions options = new LocalStackOptions(Path.of("").toAbsolutePath(), dataDir.toAbsolutePath(), true,
                partitions, instances, env, quiet ? Optional.empty() : Optional.of(System.out), seedSkus, seedUnits, brokers, secure);
        System.out.println("Starting FastShip (" + (brokers == 1 ? "Kafka" : brokers + " Kafka brokers")
                + ", schema registry, services" + (secure ? "; SASL_SSL, SCRAM, ACLs" : "") + ")...");
        LocalStack stack = LocalStack.start(options);
        RunningStack running = RunningStack.publish(stack);
        Optional<ConsoleProcess> console = startConsole(options, stack, running);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping FastShip...");
            try {
                console.ifPresent(ConsoleProcess::close);
                running.close();
            } finally {
                lock.close();
                stopped.countDown();
            }
        }, "fastship-shutdown"));
        System.out.println(running.banner());
        console.ifPresent(c -> System.out.println("Web console:  http://127.0.0.1:" + ConsoleProcess.PORT + "\n"));
        stopped.await();
        return 0;
    }

    /** The web console is a convenience: if it cannot start, the stack runs on without it. */
    private static Optional<ConsoleProcess> startConsole(LocalStackOptions options, LocalStack stack,
                                                         RunningStack running) {
        try {
            return Optional.of(ConsoleProcess.start(options.repositoryRoot(), options.dataDir().resolve("logs"),
                    stack.bootstrapServers(), stack.schemaRegistryUrl(), running.controlUrl(), ConsoleProcess.PORT,
                    stack.security().map(s -> s.propertiesOf(StackSecurity.TOOLS))));
        } catch (RuntimeException e) {
            System.out.println("The web console did not start: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@code --state-retention} as the ISO-8601 form the services read; refused here, before anything starts, when
     * it is shorter than the services accept (platform {@code ServiceSettings.LATE_EVENT_BOUND}, 2 minutes).
     */
    static String stateRetention(String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        Duration duration;
        try {
            duration = simple.matches() ? Duration.of(Long.parseLong(simple.group(1)), switch (simple.group(2)) {
                case "s" -> ChronoUnit.SECONDS;
                case "m" -> ChronoUnit.MINUTES;
                case "h" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            }) : Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--state-retention must be a duration like 10m, 2h, 7d or PT30M, was '"
                    + text + "'");
        }
        if (duration.compareTo(MIN_STATE_RETENTION) < 0) {
            throw new IllegalArgumentException("--state-retention must be at least 2m (the longest a duplicate or "
                    + "late event of a closed order can still arrive), was " + text);
        }
        return duration.toString();
    }
}
