package io.fastship.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastship.bench.load.AnswerListener;
import io.fastship.bench.load.ClosedLoopLoad;
import io.fastship.bench.load.FixedRateLoad;
import io.fastship.bench.load.LoadResult;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeanHttpClientTest {

    private final Map<String, Integer> remotePorts = new ConcurrentHashMap<>();
    private final AtomicInteger posts = new AtomicInteger();
    private Javalin server;
    private String baseUrl;

    @BeforeEach
    void startServer() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/health/live", ctx -> {
                remotePorts.merge(ctx.req().getRemoteAddr() + ":" + ctx.req().getRemotePort(), 1, Integer::sum);
                ctx.json(Map.of("status", "UP"));
            });
            config.routes.post("/orders", ctx -> {
                int n = posts.incrementAndGet();
                if (ctx.body().contains("\"bad\"")) {
                    ctx.status(400).contentType("application/problem+json").result("{\"title\":\"bad\"}");
                    return;
                }
                ctx.status(202).json(Map.of("orderId", "ord-" + n, "echo", ctx.body()));
            });
            config.routes.get("/slow", ctx -> {
                Thread.sleep(3_000);
                ctx.result("late");
            });
            // Big enough that Jetty streams it chunked.
            config.routes.get("/big", ctx -> ctx.result(new java.io.ByteArrayInputStream("x".repeat(200_000)
                    .getBytes(StandardCharsets.UTF_8))));
        }).start();
        baseUrl = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private record Answer(int status, String body) {
    }

    private static HttpTransport.Callback into(List<Answer> answers) {
        return new HttpTransport.Callback() {
            @Override
            public void answered(int status, byte[] body, long sentNanos, long answeredNanos) {
                answers.add(new Answer(status, new String(body, StandardCharsets.UTF_8)));
            }

            @Override
            public void failed(Throwable error, long answeredNanos) {
                answers.add(new Answer(-1, error.toString()));
            }
        };
    }

    @Test
    void shouldPostJsonAndReadTheAnswersOverFewKeptAliveConnections() {
        List<Answer> answers = new CopyOnWriteArrayList<>();
        try (LeanHttpClient client = LeanHttpClient.to(baseUrl, 4, Duration.ofSeconds(5))) {
            for (int i = 0; i < 200; i++) {
                String body = i == 7 ? "{\"bad\":1}" : "{\"n\":" + i + "}";
                client.send(Requests.postJson(client.hostPort(), "/orders", Map.of(), body), into(answers));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() == 200);
            for (int i = 0; i < 300; i++) {
                client.send(Requests.get(client.hostPort(), "/health/live"), into(answers));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() == 500);
            assertThat(client.outstanding()).isZero();
            assertThat(client.cpuNanos()).isPositive();
        }
        assertThat(answers).filteredOn(a -> a.status() == 202).hasSize(199)
                .allMatch(a -> Requests.jsonString(a.body().getBytes(StandardCharsets.UTF_8), "orderId") != null);
        assertThat(answers).filteredOn(a -> a.status() == 400).singleElement()
                .satisfies(a -> assertThat(a.body()).contains("bad"));
        assertThat(answers).filteredOn(a -> a.status() == 200).hasSize(300);
        // 300 requests on at most 4 connections: keep-alive works.
        assertThat(remotePorts).hasSizeLessThanOrEqualTo(4);
        assertThat(remotePorts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
    }

    @Test
    void shouldReadAChunkedBody() {
        List<Answer> answers = new CopyOnWriteArrayList<>();
        try (LeanHttpClient client = LeanHttpClient.to(baseUrl, 1, Duration.ofSeconds(5))) {
            client.send(Requests.get(client.hostPort(), "/big"), into(answers));
            client.send(Requests.get(client.hostPort(), "/health/live"), into(answers));
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 2);
        }
        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers.get(0).body()).hasSize(200_000);
        assertThat(answers.get(1).status()).isEqualTo(200);
    }

    @Test
    void shouldFailARequestThatTimesOutAndCarryOnWithTheNext() {
        List<Answer> answers = new CopyOnWriteArrayList<>();
        try (LeanHttpClient client = LeanHttpClient.to(baseUrl, 2, Duration.ofMillis(500))) {
            client.send(Requests.get(client.hostPort(), "/slow"), into(answers));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 1);
            client.send(Requests.get(client.hostPort(), "/health/live"), into(answers));
            await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 2);
        }
        assertThat(answers.get(0).status()).isEqualTo(-1);
        assertThat(answers.get(0).body()).contains("TimeoutException");
        assertThat(answers.get(1).status()).isEqualTo(200);
    }

    @Test
    void shouldFailWhatItCannotConnectFor() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<Answer> answers = new CopyOnWriteArrayList<>();
        try (LeanHttpClient client = new LeanHttpClient(new InetSocketAddress("127.0.0.1", closedPort), 2,
                Duration.ofSeconds(5))) {
            for (int i = 0; i < 3; i++) {
                client.send(Requests.get(client.hostPort(), "/"), into(answers));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.size() == 3);
        }
        assertThat(answers).allMatch(a -> a.status() == -1);
    }

    @Test
    void shouldDriveBothLoopsAgainstARealServer() throws Exception {
        try (LeanHttpClient client = LeanHttpClient.to(baseUrl, 16, Duration.ofSeconds(5))) {
            byte[] live = Requests.get(client.hostPort(), "/health/live");
            LoadResult closed = new ClosedLoopLoad(client, 200, 8).run(Long.MAX_VALUE, Duration.ofSeconds(1),
                    seq -> live, AnswerListener.NONE, Duration.ofSeconds(10));
            Map<Long, String> ids = new ConcurrentHashMap<>();
            LoadResult open = new FixedRateLoad(client, 202).run(400, 200,
                    seq -> Requests.postJson(client.hostPort(), "/orders", Map.of(), "{\"n\":" + seq + "}"),
                    (seq, due, body) -> ids.put(seq, Requests.jsonString(body, "orderId")) == null,
                    Duration.ofSeconds(10));

            // Behaviour, not speed: the machine running the tests may be busy.
            assertThat(closed.accepted()).isPositive().isEqualTo(closed.sent());
            assertThat(closed.acceptedPerSec()).isPositive();
            assertThat(open.accepted()).isEqualTo(200);
            assertThat(open.seconds()).isGreaterThan(0.45);
            assertThat(ids).hasSize(200);
            assertThat(open.latencyCurve()).isNotEmpty().last().satisfies(p -> assertThat(p.percentile()).isEqualTo(100));
        }
    }
}
