package io.fastship.bench.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.bench.stats.LatencyRecorder;

/**
 * Places orders over HTTP/1.1 with keep-alive at a fixed concurrency: at most {@code concurrency} requests are in
 * flight, each finished request lets the next one go (a closed loop, so the service's speed sets the pace).
 */
public final class OrderSubmitter implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI ordersUri;
    private final Optional<String> apiKey;
    private final int concurrency;
    private final ExecutorService executor;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong completed = new AtomicLong();

    public OrderSubmitter(String orderServiceUrl, Optional<String> apiKey, int concurrency) {
        this.ordersUri = URI.create(orderServiceUrl.replaceAll("/+$", "") + "/orders");
        this.apiKey = apiKey;
        this.concurrency = concurrency;
        // Two threads handle every response: parsing a small JSON body is cheap, and the machine has few cores.
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "bench-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Requests answered so far in the current batch, for progress. */
    public long completed() {
        return completed.get();
    }

    /** Submits orders {@code first .. first+count-1} of {@code requests} and waits for every answer. */
    public IntakeResult submit(OrderRequests requests, long first, long count) throws InterruptedException {
        completed.set(0);
        Semaphore inFlight = new Semaphore(concurrency);
        LatencyRecorder latency = new LatencyRecorder();
        Map<String, Long> submitNanos = new ConcurrentHashMap<>();
        Map<Integer, Long> rejected = new ConcurrentHashMap<>();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long started = System.nanoTime();
        AtomicLong lastAnswer = new AtomicLong(started);
        for (long n = first; n < first + count; n++) {
            inFlight.acquire();
            HttpRequest.Builder request = HttpRequest.newBuilder(ordersUri).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(requests.body(n)));
            apiKey.ifPresent(key -> request.header("X-API-Key", key));
            long sent = System.nanoTime();
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                long answered = System.nanoTime();
                try {
                    if (error != null) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, error.toString());
                    } else if (response.statusCode() == 202) {
                        latency.record(answered - sent);
                        orderId(response.body()).ifPresentOrElse(id -> submitNanos.put(id, sent), () -> {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, "202 without an orderId: " + new String(response.body(),
                                    java.nio.charset.StandardCharsets.UTF_8));
                        });
                    } else {
                        rejected.merge(response.statusCode(), 1L, Long::sum);
                        firstFailure.compareAndSet(null, response.statusCode() + " " + new String(response.body(),
                                java.nio.charset.StandardCharsets.UTF_8));
                    }
                } finally {
                    lastAnswer.accumulateAndGet(answered, Math::max);
                    completed.incrementAndGet();
                    inFlight.release();
                }
            });
        }
        if (!inFlight.tryAcquire(concurrency, REQUEST_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still unanswered " + REQUEST_TIMEOUT + " after the last was sent");
        }
        return new IntakeResult(count, submitNanos.size(), rejected, failed.get(), firstFailure.get(),
                lastAnswer.get() - started, latency.summary(), submitNanos);
    }

    private Optional<String> orderId(byte[] body) {
        try {
            JsonNode id = json.readTree(body).get("orderId");
            return id == null || !id.isTextual() ? Optional.empty() : Optional.of(id.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
