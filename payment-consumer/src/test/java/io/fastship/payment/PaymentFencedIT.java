package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.WithKafkaStack;
import io.fastship.platform.processing.LoopState;
import io.fastship.platform.tracing.Tracing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A payment instance fenced by a newer one with its INSTANCE_ID fails its next transaction, goes DOWN and exits 1. */
@WithKafkaStack
class PaymentFencedIT {

    private static final Logger log = LoggerFactory.getLogger(PaymentFencedIT.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * A fenced producer's Sender stops sending once it has the fatal error, so an AddOffsetsToTxn queued just
     * before it never gets an answer: sendOffsetsToTransaction waits out max.block.ms (60 s by default, not set
     * by the loop) before its timeout leads to the abort that throws ProducerFencedException. Meanwhile A holds
     * its partitions, as it does not poll.
     */
    private static final Duration FENCED_WAIT = Duration.ofSeconds(90);
    private static final String INSTANCE_ID = "fenced-1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aZombieFencedByItsSuccessorGoesDownAndExitsNonZeroWhileTheSuccessorGoesOn(KafkaStack stack,
            @TempDir Path stateA, @TempDir Path stateB) throws Exception {
        // Several partitions, so B's join leaves A some of them under the range assignor: a zombie without
        // partitions would never attempt a transaction, and this test is about the one that does.
        try (PaymentTestKit kit = new PaymentTestKit(stack, 3)) {
            List<Integer> exitsA = new CopyOnWriteArrayList<>();
            List<Integer> exitsB = new CopyOnWriteArrayList<>();
            // Own state directories: the default one is per INSTANCE_ID, and the two would be two hosts.
            try (PaymentService a = start(kit, stateA, exitsA)) {
                await().atMost(WAIT).until(() -> a.state() == LoopState.RUNNING);
                OrderCreated first = PaymentTestKit.order("tok_visa", 100);
                kit.send(first);
                // One committed transaction: A's producer is initialised and its consumer is in the group.
                await().atMost(WAIT).until(() -> !kit.paymentsFor(first.getOrderId()).isEmpty());
                assertThat(status(a, "/health/live")).isEqualTo(200);

                try (PaymentService b = start(kit, stateB, exitsB)) {
                    // RUNNING comes after initTransactions: from here on A's producer epoch is a stale one.
                    await().atMost(WAIT).until(() -> b.state() == LoopState.RUNNING);
                    assertThat(a.state()).isEqualTo(LoopState.RUNNING);

                    // Orders land on random partitions and B's join may take some of A's before A polls again:
                    // keep sending until one reaches a partition A still owns and its transaction fails.
                    List<OrderCreated> probes = new CopyOnWriteArrayList<>();
                    Set<Integer> healthWhileFenced = new ConcurrentSkipListSet<>();
                    long fenced = System.nanoTime();
                    await().atMost(FENCED_WAIT).pollInterval(Duration.ofSeconds(2)).until(() -> {
                        OrderCreated probe = PaymentTestKit.order("tok_visa", 200 + probes.size());
                        probes.add(probe);
                        kit.send(probe);
                        if (a.state() == LoopState.FAILED) {
                            return true;
                        }
                        healthWhileFenced.add(status(a, "/health"));
                        return false;
                    });
                    // What a probe saw of A before it noticed: the window in which a zombie still looks ready.
                    log.info("A failed {} ms after B fenced it, after {} probe order(s); its /health answered {} "
                                    + "until then; failure: {}", (System.nanoTime() - fenced) / 1_000_000,
                            probes.size(), healthWhileFenced, String.valueOf(a.failure().getNow(null)));

                    await().atMost(WAIT).until(() -> !exitsA.isEmpty());
                    assertThat(exitsA).containsExactly(1);
                    assertThat(status(a, "/health/live")).isEqualTo(503);
                    assertThat(status(a, "/health")).isEqualTo(503);

                    // A left the group on failing, so B owns every partition now, the probes A aborted included.
                    OrderCreated after = PaymentTestKit.order("tok_visa", 300);
                    kit.send(after);
                    List<String> orderIds = new ArrayList<>(List.of(first.getOrderId(), after.getOrderId()));
                    probes.forEach(probe -> orderIds.add(probe.getOrderId()));
                    // One read of the payments per check: each read polls the reader once.
                    await().atMost(WAIT).until(() -> paymentsPerOrder(kit).keySet().containsAll(orderIds));
                    assertThat(paymentsPerOrder(kit)).containsOnlyKeys(orderIds).allSatisfy((orderId, events) ->
                            assertThat(events).as("payments of %s", orderId).hasSize(1));
                    assertThat(kit.paymentsFor(after.getOrderId())).singleElement()
                            .extracting(PaymentEvent::getStatus).isEqualTo(PaymentStatus.AUTHORIZED);
                    assertThat(b.state()).isEqualTo(LoopState.RUNNING);
                    assertThat(status(b, "/health")).isEqualTo(200);
                    assertThat(exitsB).isEmpty();
                }
            }
        }
    }

    private static Map<String, List<PaymentEvent>> paymentsPerOrder(PaymentTestKit kit) {
        return kit.payments().stream().collect(Collectors.groupingBy(PaymentEvent::getOrderId));
    }

    /** An in-JVM instance with the shared INSTANCE_ID whose exit statuses go to {@code exits}, not to the JVM. */
    private static PaymentService start(PaymentTestKit kit, Path stateDir, List<Integer> exits) {
        PaymentServiceConfig config = kit.config(INSTANCE_ID, Map.of("STATE_DIR", stateDir.toString()));
        return PaymentService.start(config, new ScriptedGateway(), Tracing.propagatingOnly(), exits::add);
    }

    private static int status(PaymentService service, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + path))
                .timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
