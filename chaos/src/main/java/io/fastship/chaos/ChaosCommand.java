package io.fastship.chaos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.fastship.chaos.load.LoadSettings;
import io.fastship.chaos.report.AuditReport;
import io.fastship.chaos.report.ReportPrinter;
import io.fastship.chaos.scenario.FaultAt;
import io.fastship.chaos.scenario.Scenario;
import io.fastship.chaos.scenario.ScenarioRunner;
import io.fastship.chaos.scenario.Stacks;
import io.fastship.localstack.LocalStack;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.fault.Fault;
import io.fastship.localstack.process.ServiceKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./fastship chaos}: load, faults at given moments, then an audit of every guarantee; exit 1 on a violation. */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Places orders at a steady rate, fires faults at given moments, waits for the flow to settle",
                "and audits every guarantee with its own read_committed consumers. Exit 0 when all held, 1 if not."})
public final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--rate", defaultValue = "20", description = "Orders per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--orders", defaultValue = "3000", description = "Orders in all (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--fault", paramLabel = "AT:TARGET:ACTION[:DURATION]",
            description = {"A fault, e.g. 10s:broker-2:kill, 20s:registry:down:20s, 30s:payment-1:pause:45s;",
                    "the target orders-leader is the broker leading orders-0 when the fault fires;",
                    "repeatable. Without any, the default scenario: "
                            + "10s payment-1 restart, 20s registry down 20s with 23s order-1 and 26s inventory-1"
                            + " restart, 55s broker-2 pause 20s, 85s order-1 pause 45s, 140s kill of the broker leading orders."})
    List<String> faults = new ArrayList<>();

    @Option(names = "--no-faults", description = "Load and audit only, no fault at all.")
    boolean noFaults;

    @Option(names = "--poison", defaultValue = "3", description = "Poison records written to orders (default: ${DEFAULT-VALUE}).")
    int poison;

    @Option(names = "--skus", defaultValue = "100", description = "Orders use SKU-0001..SKU-n (default: ${DEFAULT-VALUE}).")
    int skus;

    @Option(names = "--decline-every", defaultValue = "10",
            description = "Every n-th order pays with a declining token, 0 for none (default: ${DEFAULT-VALUE}).")
    int declineEvery;

    @Option(names = "--watch-every", defaultValue = "5", paramLabel = "N",
            description = "A client watches every n-th accepted order over SSE and the audit checks it was told only "
                    + "committed statuses; 0 for none (default: ${DEFAULT-VALUE}).")
    int watchEvery;

    @Option(names = "--settle", defaultValue = "120s", description = "Longest wait for the flow to settle (default: ${DEFAULT-VALUE}).")
    String settle;

    @Option(names = "--timeout-grace", defaultValue = "1s",
            description = "An outcome appended less than this before its order's deadline counts as a clock race, not a "
                    + "wrong timeout (default: ${DEFAULT-VALUE}).")
    String timeoutGrace;

    @Option(names = "--order-deadline", defaultValue = "30s",
            description = "ORDER_DEADLINE of the stack: the one --start starts, or the running one's (default: ${DEFAULT-VALUE}).")
    String orderDeadline;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    @Option(names = "--data-dir", defaultValue = ".fastship",
            description = "Data directory of the running stack, or of the one --start starts (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--start", description = "Start a stack of its own (free ports) instead of using the running one.")
    boolean start;

    @Option(names = "--secure", description = "The stack --start starts runs Kafka with TLS, SASL and ACLs (as up --secure); "
            + "the auditor reads as fastship-tools, which may not write: use --poison 0.")
    boolean secure;

    @Option(names = "--brokers", defaultValue = "3", description = "Brokers of the stack --start starts (default: ${DEFAULT-VALUE}).")
    int brokers;

    @Option(names = "--gateway-failure-rate", defaultValue = "0",
            description = "GATEWAY_FAILURE_RATE of the stack --start starts, 0..1 (default: ${DEFAULT-VALUE}).")
    double gatewayFailureRate;

    @Option(names = "--namespace", defaultValue = "", description = "TOPIC_NAMESPACE of the stack's topics, if any.")
    String namespace;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new ChaosCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("chaos: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString()));
            return 2;
        });
        return line;
    }

    @Override
    public Integer call() {
        Scenario scenario = scenario();
        AuditReport report;
        if (start) {
            try (LocalStack stack = LocalStack.start(stackOptions())) {
                report = new ScenarioRunner(Stacks.endpoints(stack), Stacks.sink(stack)).run(scenario);
            }
        } else {
            report = new ScenarioRunner(Stacks.endpoints(dataDir), Stacks.sink(dataDir)).run(scenario);
        }
        System.out.print(ReportPrinter.table(report));
        if (json != null) {
            ReportPrinter.writeJson(report, json);
        }
        return report.passed() ? 0 : 1;
    }

    Scenario scenario() {
        if (noFaults && !faults.isEmpty()) {
            throw new IllegalArgumentException("--no-faults and --fault exclude each other");
        }
        List<FaultAt> planned = noFaults ? List.of()
                : faults.isEmpty() ? Scenario.defaultFaults() : faults.stream().map(FaultAt::parse).toList();
        return new Scenario(new LoadSettings(rate, orders, skus, declineEvery, 256, watchEvery), planned, poison,
                Fault.parseDuration(settle), Fault.parseDuration(timeoutGrace), namespace,
                Fault.parseDuration(orderDeadline));
    }

    private LocalStackOptions stackOptions() {
        if (!(gatewayFailureRate >= 0 && gatewayFailureRate <= 1)) {
            throw new IllegalArgumentException("--gateway-failure-rate must be 0..1, was " + gatewayFailureRate);
        }
        Map<String, String> env = new HashMap<>();
        env.put("PAYMENT_GATEWAY_LATENCY_MS", "0");
        env.put("GATEWAY_FAILURE_RATE", Double.toString(gatewayFailureRate));
        env.put("ORDER_DEADLINE", Fault.parseDuration(orderDeadline).toString());
        if (!namespace.isBlank()) {
            env.put("TOPIC_NAMESPACE", namespace);
        }
        Map<ServiceKind, Integer> instances = Map.of(ServiceKind.ORDER, 1, ServiceKind.PAYMENT, 1, ServiceKind.INVENTORY, 1);
        return new LocalStackOptions(Path.of("").toAbsolutePath(), dataDir.toAbsolutePath(), false, 6, instances, env,
                Optional.empty(), Math.max(skus, 1), 1000, brokers, secure);
    }

    /** For tests: the scenario the options describe, without running anything. */
    static Scenario parse(String... args) {
        ChaosCommand command = new ChaosCommand();
        new CommandLine(command).parseArgs(args);
        return command.scenario();
    }
}
