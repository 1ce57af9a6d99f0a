package io.fastship.chaos.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.chaos.audit.AcceptedOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places orders over HTTP at a steady rate, as shop fronts would, spread over the order service's instances, and
 * records every order answered 202 with the moment of that answer: from then on the system owes it a final status.
 */
public final class LoadGenerator {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> orderUrls;
    private final LoadSettings settings;
    private final List<AcceptedOrder> accepted = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();
    private final Consumer<String> onAccepted;

    public LoadGenerator(List<String> orderUrls, LoadSettings settings) {
        this(orderUrls, settings, orderId -> { });
    }

    /** @param onAccepted told each accepted order id at once (e.g. to watch it); runs on HTTP threads, must not block */
    public LoadGenerator(List<String> orderUrls, LoadSettings settings, Consumer<String> onAccepted) {
        this.orderUrls = List.copyOf(orderUrls);
        this.settings = settings;
        this.onAccepted = onAccepted;
    }

    /** The request body of the n-th order: one line of one unit; the server prices it from the catalog. */
    static String body(int n, LoadSettings settings) {
        String sku = "SKU-%04d".formatted(n % settings.skus() + 1);
        boolean decline = settings.declineEvery() > 0 && n % settings.declineEvery() == settings.declineEvery() - 1;
        return """
                {"customerId":"chaos-%d","currency":"EUR","paymentToken":"%s",\
                "items":[{"sku":"%s","quantity":1}]}""".formatted(n % 97,
                decline ? "tok_decline" : "tok_visa", sku);
    }

    /** Places every order on schedule and waits for the last answer. */
    public LoadResult run() {
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / settings.rate());
        for (int n = 0; n < settings.orders(); n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            String url = orderUrls.get(n % orderUrls.size()) + "/orders";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(n, settings))).build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        inFlight.release();
                        record(response, error);
                        return null;
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        log.info("Placed {} orders: {} accepted, refused {}", settings.orders(), accepted.size(), refused);
        return new LoadResult(accepted, refused);
    }

    /** The problem+json title of a refusal, so the report says why without one line per request. */
    private static String title(String body) {
        try {
            return JSON.readTree(body).path("title").asText("");
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private void record(HttpResponse<String> response, Throwable error) {
        if (error != null) {
            refused.merge(error.getClass().getSimpleName(), 1, Integer::sum);
            return;
        }
        if (response.statusCode() != 202) {
            refused.merge("HTTP " + response.statusCode() + " " + title(response.body()), 1, Integer::sum);
            return;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String orderId = body.path("orderId").asText("");
            if (orderId.isEmpty()) {
                refused.merge("202 without orderId", 1, Integer::sum);
            } else {
                accepted.add(new AcceptedOrder(orderId, Instant.now()));
                onAccepted.accept(orderId);
            }
        } catch (java.io.IOException e) {
            refused.merge("202 not JSON", 1, Integer::sum);
        }
    }
}
