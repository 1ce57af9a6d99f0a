package io.fastship.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * Faults on the replicated cluster, judged by the chaos auditor: one 3-broker stack (RF 3, min ISR 2) for the
 * suite, every service its own JVM, a short load per test. After each test every process is running again. The
 * faults that leave the most behind run last, so a failure of one does not read as a failure of the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
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
                Map.of("PAYMENT_GATEWAY_LATENCY_MS", "0", "ORDER_DEADLINE", DEADLINE.toSeconds() + "s"),
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

    private static AuditReport run(int orders, Duration settle, String... faults) {
        Scenario scenario = new Scenario(new LoadSettings(20, orders, 20, 10, 256),
                List.of(faults).stream().map(FaultAt::parse).toList(), 1, settle, Duration.ofSeconds(1), "", DEADLINE);
        AuditReport report = new ScenarioRunner(Stacks.endpoints(stack), Stacks.sink(stack)).run(scenario);
        System.out.println(ReportPrinter.table(report));
        return report;
    }

    /** The broker leading partition 0 of orders, asked of the cluster itself. */
    private static String leaderOfOrders() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            int id = admin.describeTopics(List.of(Topics.ORDERS.name())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.ORDERS.name()).partitions().get(0).leader().id();
            return stack.cluster().brokers().stream().filter(b -> b.nodeId() == id).findFirst().orElseThrow().name();
        }
    }

    private static void assertHeld(AuditReport report) {
        assertThat(report.violations()).as(ReportPrinter.table(report)).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.totals().finals()).isEqualTo(report.totals().accepted()).isPositive();
    }

    @Test
    @Order(1)
    @Disabled("fails intermittently until issue 15: in one of two runs on the merged main, kill -9 of the broker "
            + "leading orders lost nothing (84/84 final, 0 duplicates, 0 charge mismatches, 0 stock drift) but 17 orders "
            + "were cancelled for timeout 1-4 s after both outcomes were published near the 15 s deadline")
    void killingTheBrokerLeadingOrdersMidLoadLosesNothing() throws Exception {
        String leader = leaderOfOrders();

        AuditReport report = run(200, Duration.ofSeconds(90), "4s:" + leader + ":kill");

        assertHeld(report);
    }

    @Test
    @Order(2)
    @Disabled("fails until issue 15: with broker-2 paused 20 s (deadline 15 s) 56 of 189 accepted orders were "
            + "cancelled for timeout although their payment and stock outcomes were decided and published")
    void aBrokerPausedTwentySecondsLosesNothing() {
        AuditReport report = run(300, Duration.ofSeconds(90), "3s:broker-2:pause:20s");

        assertHeld(report);
    }

    @Test
    @Order(4)
    @Disabled("fails until issue 15: payment-1 restarted while the registry is down 20 s is not healthy within "
            + "2 min (the launcher's restart fault gives up), so the scenario cannot finish")
    void theRegistryDownTwentySecondsWhileAServiceRestartsLosesNothing() {
        AuditReport report = run(300, Duration.ofSeconds(90), "3s:registry:down:20s", "6s:payment-1:restart");

        assertHeld(report);
    }

    @Test
    @Order(3)
    @Disabled("fails until issue 15: order-1 paused 20 s past its 15 s deadline cancelled 46 of 111 accepted orders "
            + "for timeout although both outcomes were already on their topics")
    void theOrderServicePausedPastTheDeadlineCancelsOnlyOrdersWhoseOutcomeWasMissing() {
        AuditReport report = run(200, Duration.ofSeconds(90), "3s:order-1:pause:" + (DEADLINE.toSeconds() + 5) + "s");

        assertHeld(report);
    }
}
