package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fastship.events.OrderCreated;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.platform.processing.LoopState;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault tests on the real broker with the gateway as its own process: a gateway that fails 30% of calls (timeouts
 * after charging among them), and a broker paused for 20 s in the middle of transactions. The invariant is checked
 * against the gateway's ledger ({@link LedgerAudit}); the numbers of each run go to the log and
 * {@code target/payment-fault-numbers.txt}.
 */
@WithKafkaStack
class PaymentGatewayFaultIT {

    private static final Logger log = LoggerFactory.getLogger(PaymentGatewayFaultIT.class);
    private static final int ORDERS = 150;

    @Test
    void aGatewayFailingThirtyPercentOfCallsChargesEachConfirmedOrderOnceAndKeepsNothingOfTheRest(KafkaStack stack)
            throws Exception {
        try (GatewayProcess gateway = GatewayProcess.start(Map.of("GATEWAY_FAILURE_RATE", "0.3",
                "GATEWAY_FAILURE_KINDS", "refused,timeout_after_charge,5xx", "GATEWAY_LATENCY_MS", "5",
                "GATEWAY_TIMEOUT_HOLD_MS", "5000"), Path.of("target", "fault-gateway-30.log"));
             PaymentTestKit kit = new PaymentTestKit(stack, 4);
             PaymentService service = kit.start(kit.config("fault-30", serviceEnv(gateway)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> service.state() == LoopState.RUNNING);
            Run run = sendOrders(kit);

            awaitSettled(run, kit, () -> service, true);

            report("gateway failure rate 0.3", run, kit, gateway, service);
            assertThat(LedgerAudit.mismatches(run.orders, kit.payments(), gateway)).isEmpty();
            assertThat(gateway.stats().path("charge.timeout_after").asLong()).isPositive();
            assertThat(metric(service, "fastship_payment_gateway_lookups_total")).isPositive();
        }
    }

    @Test
    void aBrokerPausedForTwentySecondsMidTransactionLosesAndDuplicatesNothing(KafkaStack stack) throws Exception {
        long brokerPid = brokerPid();
        // 200 ms a call keeps gateway calls and transactions in flight when the broker stops: at 20 ms all 150
        // orders were settled before it did, and the pause met an idle service.
        try (GatewayProcess gateway = GatewayProcess.start(Map.of("GATEWAY_LATENCY_MS", "200"),
                Path.of("target", "fault-gateway-pause.log"));
             PaymentTestKit kit = new PaymentTestKit(stack, 4);
             SupervisedPayment payment = new SupervisedPayment(kit, kit.config("fault-pause", serviceEnv(gateway)))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> payment.current().state() == LoopState.RUNNING);
            Run run = sendOrders(kit);
            await().atMost(Duration.ofSeconds(60)).until(() -> kit.payments().size() >= ORDERS / 10);
            assertThat(LedgerAudit.unsettled(run.orders, run.cancelled, kit.payments()))
                    .as("orders still in flight when the broker stops").isNotEmpty();

            signal("STOP", brokerPid);
            try {
                // The fault itself is 20 s of a frozen broker, with batches and commits in flight. A single node
                // also fences itself on waking (its broker heartbeats to its own controller expired), so every
                // partition and coordinator moves once.
                TimeUnit.SECONDS.sleep(20);
            } finally {
                signal("CONT", brokerPid);
            }

            // The failure policy may end the loop (e.g. a fencing the broker reports while it recovers); the
            // supervisor restarts it then. The money invariant must hold either way.
            awaitSettled(run, kit, () -> payment.current(), false);
            report("broker paused 20 s (restarts " + payment.restarts() + ")", run, kit, gateway, payment.current());
            assertThat(LedgerAudit.mismatches(run.orders, kit.payments(), gateway)).isEmpty();
            assertThat(payment.current().state()).isEqualTo(LoopState.RUNNING);
            assertThat(payment.restarts()).as("restarts of the payment instance").hasSizeLessThanOrEqualTo(1);
        }
    }

    /**
     * Waits for every order's outcome and says what is missing if it does not come; with {@code failFast}, stops
     * at once if the loop fails (a gateway fault must never end it).
     */
    private static void awaitSettled(Run run, PaymentTestKit kit, Callable<PaymentService> service, boolean failFast)
            throws Exception {
        ConditionFactory wait = await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500));
        if (failFast) {
            wait = wait.failFast("the payment loop stopped", () -> service.call().state() == LoopState.FAILED);
        }
        try {
            wait.until(() -> {
                service.call(); // a supervised instance whose loop failed is replaced here
                return LedgerAudit.settled(run.orders, run.cancelled, kit.payments());
            });
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            PaymentService current = service.call();
            throw new AssertionError("orders not settled; service " + current.state() + ", failure "
                    + current.failure().getNow(null) + ", exits " + kit.exits + ", unsettled "
                    + LedgerAudit.unsettled(run.orders, run.cancelled, kit.payments()) + ", payments partitions "
                    + kit.paymentsEnds(), e);
        }
    }

    /** Orders of which every 10th is declined by the gateway and every 5th cancelled right away by the saga. */
    private static Run sendOrders(PaymentTestKit kit) throws Exception {
        Run run = new Run(new ArrayList<>(), new HashSet<>());
        for (int i = 0; i < ORDERS; i++) {
            OrderCreated order = PaymentTestKit.order(i % 10 == 3 ? "tok_decline" : "tok_visa", 100 + i);
            run.orders.add(order);
            kit.send(order);
            if (i % 5 == 0) {
                kit.cancel(order.getOrderId(), null);
                run.cancelled.add(order.getOrderId());
            }
        }
        return run;
    }

    private record Run(List<OrderCreated> orders, Set<String> cancelled) {
    }

    private static Map<String, String> serviceEnv(GatewayProcess gateway) {
        return Map.of("PAYMENT_GATEWAY_URL", gateway.url(), "PAYMENT_GATEWAY_TIMEOUT", "500ms",
                "PAYMENT_MAX_POLL_RECORDS", "30", "PAYMENT_PROCESSING_THREADS", "8",
                "PAYMENT_TRANSACTION_TIMEOUT", "60s");
    }

    private static void report(String fault, Run run, PaymentTestKit kit, GatewayProcess gateway,
                               PaymentService service) throws Exception {
        String line = String.format("%s: orders %d (cancelled %d), payment events %d, ambiguous failures %.0f, "
                        + "lookups %.0f, waits %.0f, mismatches %d, gateway stats %s, ledger %s", fault,
                run.orders.size(), run.cancelled.size(), kit.payments().size(),
                metric(service, "fastship_payment_gateway_ambiguous_total"),
                metric(service, "fastship_payment_gateway_lookups_total"),
                metric(service, "fastship_payment_gateway_waits_total"),
                LedgerAudit.mismatches(run.orders, kit.payments(), gateway).size(), gateway.stats(), gateway.totals());
        log.info("Fault run: {}", line);
        Files.writeString(Path.of("target", "payment-fault-numbers.txt"), line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Sum of a counter over its tags, from the service's Prometheus text. */
    static double metric(PaymentService service, String name) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + service.httpPort() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(2));
        }
        return sum;
    }

    /**
     * The fixture's broker is a child process of this JVM (local-stack's KafkaBroker): the one whose command line
     * has the argument {@code kafka.Kafka}. Read from /proc: {@code ProcessHandle.Info} may not have the arguments.
     */
    private static long brokerPid() {
        List<ProcessHandle> brokers = ProcessHandle.current().descendants()
                .filter(process -> List.of(commandLine(process.pid())).contains("kafka.Kafka"))
                .toList();
        assertThat(brokers).as("the fixture's broker process").hasSize(1);
        return brokers.get(0).pid();
    }

    private static String[] commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0");
        } catch (java.io.IOException e) {
            return new String[0];
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }
}
