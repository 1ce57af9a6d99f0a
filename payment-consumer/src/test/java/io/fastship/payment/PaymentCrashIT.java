package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentEvent;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a payment service process (SIGKILL, mid-batch, transactions open, gateway calls in flight against a
 * gateway process failing 30% of calls) and restarts it with the same INSTANCE_ID: a read_committed reader must
 * see exactly one PaymentEvent per order, and the gateway's ledger must hold each authorized order's total once. Runs on the shipped KIP-848 protocol, so the restarted
 * member gets the partitions only when the dead member's broker-side session (45 s by default) expires.
 */
@WithKafkaStack
class PaymentCrashIT {

    private static final Logger log = LoggerFactory.getLogger(PaymentCrashIT.class);
    private static final int ORDERS = 300;

    @Test
    void aKilledInstanceAndItsRestartEmitExactlyOnePaymentPerOrder(KafkaStack stack) throws Exception {
        try (PaymentTestKit kit = new PaymentTestKit(stack, 4);
             GatewayProcess gateway = GatewayProcess.start(Map.of("GATEWAY_LATENCY_MS", "15",
                     "GATEWAY_FAILURE_RATE", "0.3", "GATEWAY_TIMEOUT_HOLD_MS", "5000"),
                     Path.of("target", "crash-gateway.log"))) {
            Map<String, String> slowGateway = Map.of("PAYMENT_GATEWAY_URL", gateway.url(),
                    "PAYMENT_GATEWAY_TIMEOUT", "500ms", "PAYMENT_MAX_POLL_RECORDS", "25",
                    "PAYMENT_PROCESSING_THREADS", "2");
            int port = freePort();
            Map<String, String> env = new java.util.HashMap<>(kit.env("crash-1", slowGateway));
            env.put("HTTP_PORT", Integer.toString(port));
            Process first = startProcess(env, Path.of("target", "crash-first-instance.log").toFile());
            try {
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                        .until(() -> health(port).contains("RUNNING") && health(port).contains("\"UP\""));
                List<OrderCreated> orders = new ArrayList<>();
                for (int i = 0; i < ORDERS; i++) {
                    OrderCreated order = PaymentTestKit.order(i % 10 == 0 ? "tok_decline" : "tok_visa", 100 + i);
                    orders.add(order);
                    kit.send(order);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> kit.payments().size() >= ORDERS / 5);
                first.destroyForcibly().waitFor();
                int beforeCrash = kit.payments().size();
                log.info("Killed the first instance after {} committed payment(s)", beforeCrash);
                assertThat(beforeCrash).isLessThan(ORDERS);

                // Same INSTANCE_ID = same transactional id: the restart fences the dead producer and aborts its
                // open transaction at once.
                long restarted = System.nanoTime();
                try (PaymentService second = kit.start(kit.config("crash-1", slowGateway))) {
                    await().atMost(Duration.ofSeconds(120)).until(() -> kit.payments().size() >= ORDERS);
                    log.info("Restarted instance completed the stream {} ms after the restart",
                            (System.nanoTime() - restarted) / 1_000_000);
                    // A short grace for any duplicate that would follow: one more order after all others.
                    OrderCreated last = PaymentTestKit.order("tok_visa", 1);
                    kit.send(last);
                    await().atMost(Duration.ofSeconds(30)).until(() -> !kit.paymentsFor(last.getOrderId()).isEmpty());
                }
                Map<String, Long> perOrder = kit.payments().stream()
                        .collect(Collectors.groupingBy(PaymentEvent::getOrderId, Collectors.counting()));
                assertThat(perOrder.keySet()).containsAll(orders.stream().map(OrderCreated::getOrderId).toList());
                assertThat(perOrder.values()).allMatch(count -> count == 1);
                Map<String, PaymentEvent> byOrder = kit.payments().stream()
                        .collect(Collectors.toMap(PaymentEvent::getOrderId, Function.identity()));
                assertThat(orders).allSatisfy(order -> assertThat(byOrder.get(order.getOrderId()).getStatus().name())
                        .isEqualTo(order.getPaymentToken().equals("tok_decline") ? "DECLINED" : "AUTHORIZED"));
                List<String> mismatches = LedgerAudit.mismatches(orders, kit.payments(), gateway);
                log.info("Crash run: orders {}, gateway stats {}, ledger {}, mismatches {}", ORDERS, gateway.stats(),
                        gateway.totals(), mismatches.size());
                assertThat(mismatches).isEmpty();
            } finally {
                first.destroyForcibly();
            }
        }
    }

    private static Process startProcess(Map<String, String> env, File logFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PaymentServiceMain.class.getName());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(logFile);
        return builder.start();
    }

    private static String health(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
