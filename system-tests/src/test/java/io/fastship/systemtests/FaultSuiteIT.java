package io.fastship.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fastship.chaos.load.LoadSettings;
import io.fastship.chaos.report.AuditReport;
import io.fastship.chaos.report.ReportPrinter;
import io.fastship.chaos.scenario.FaultAt;
import io.fastship.chaos.scenario.Scenario;
import io.fastship.chaos.scenario.ScenarioRunner;
import io.fastship.chaos.scenario.Stacks;
import io.fastship.localstack.LocalStack;
import io.fastship.localstack.LocalStackOptions;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.StackProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * Faults on the replicated cluster, judged by the chaos auditor: one 3-broker stack (RF 3, min ISR 2) for the
 * suite, every service its own JVM, a short load per test, the order service's default 30 s deadline. After each test
 * every process is running again. The faults that leave the most behind (a broker pause, a broker kill) run last, so a
 * failure of one does not read as a failure of the next. Settle times are generous (the audit returns as soon as it
 * passes); the assertions are strict: no violation of any guarantee.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    /** The order service's default; the order-pause test pauses it 45 s, beyond it. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static LocalStack stack;

    @BeforeAll
    static void startCluster() throws Exception {
        Path dataDir = Path.of("target", "fault-stack").toAbsolutePath();
        if (Files.exists(dataDir)) {
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        stack = LocalStack.start(new LocalStackOptions(Path.of("..").toAbsolutePath().normalize(), dataDir, false, 6,
                Map.of(ServiceKind.ORDER, 1, ServiceKind.PAYMENT, 1, ServiceKind.INVENTORY, 1),
                // A restarted Streams instance waits for its killed predecessor's group members to expire: 10 s
                // instead of the consumer's 45 s default (main.consumer.*: only Streams reads it).
                Map.of("PAYMENT_GATEWAY_LATENCY_MS", "0", "ORDER_DEADLINE", DEADLINE.toSeconds() + "s",
                        "KAFKA_CLIENT_MAIN_CONSUMER_SESSION_TIMEOUT_MS", "10000"),
                Optional.empty(), 20, 100_000, 3));
    }

    @AfterAll
    static void stopCluster() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A test's faults are over when it ends; whatever it killed is started again for the next one. */
    @AfterEach
    void everythingRunsAgain() {
        for (StackProcess process : stack.processes()) {
            if (process.state() == StackProcess.State.PAUSED) {
                process.resume();
            } else if (process.state() == StackProcess.State.STOPPED) {
                process.start();
            }
        }
    }

    /** The load runs at {@code rate} orders a second for {@code orders}; it must outlast the faults. */
    private static AuditReport run(double rate, int orders, Duration settle, String... faults) {
        Scenario scenario = new Scenario(new LoadSettings(rate, orders, 20, 10, 256),
                List.of(faults).stream().map(FaultAt::parse).toList(), 1, settle, Duration.ofSeconds(1), "", DEADLINE);
        AuditReport report = new ScenarioRunner(Stacks.endpoints(stack), Stacks.sink(stack)).run(scenario);
        System.out.println(ReportPrinter.table(report));
        return report;
    }

    private static void assertHeld(AuditReport report) {
        assertThat(report.violations()).as(ReportPrinter.table(report)).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.totals().finals()).isEqualTo(report.totals().accepted()).isPositive();
        // Orders were accepted during and after the faults too, not only before them.
        assertThat(report.rows().subList(1, report.rows().size())).as(ReportPrinter.table(report))
                .extracting(row -> row.accepted()).anyMatch(accepted -> accepted > 0);
    }

    @Test
    @Order(4)
    void killingTheBrokerLeadingOrdersMidLoadLosesNothing() {
        // orders-leader: the chaos runner asks the cluster which broker leads orders-0 when the fault fires.
        AuditReport report = run(20, 200, Duration.ofSeconds(180), "4s:orders-leader:kill");

        assertHeld(report);
    }

    @Test
    @Order(3)
    void aBrokerPausedTwentySecondsLosesNothing() {
        AuditReport report = run(20, 600, Duration.ofSeconds(180), "3s:broker-2:pause:20s");

        assertHeld(report);
    }

    @Test
    @Order(1)
    void theRegistryDownTwentySecondsWhileTheOrderServiceAndAnInventoryInstanceRestartLosesNothing() {
        // Orders are accepted before the restart (the schema is cached) and again once the registry is back.
        AuditReport report = run(10, 600, Duration.ofSeconds(180), "3s:registry:down:20s", "6s:order-1:restart",
                "9s:inventory-1:restart");

        assertHeld(report);
    }

    @Test
    @Order(2)
    void theOrderServicePausedFortyFiveSecondsBeyondItsDeadlineCancelsNothingForTimeout() {
        AuditReport report = run(10, 600, Duration.ofSeconds(180), "3s:order-1:pause:45s");

        assertHeld(report);
        // Payment and inventory ran all along: every order had its outcomes in time, so no timeout at all.
        assertThat(report.totals().timeouts()).as(ReportPrinter.table(report)).isZero();
    }
}
