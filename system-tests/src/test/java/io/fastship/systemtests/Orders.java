package io.fastship.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A client of the order service's HTTP API, as a user (or a shop front) would call it. */
final class Orders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Orders(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An order body; {@code unitPrice} must be the demo catalog's (1999) or the service answers 409. */
    static String body(String customer, String token, String sku, int quantity, long unitPrice) {
        return """
                {"customerId":"%s","currency":"EUR","paymentToken":"%s",\
                "items":[{"sku":"%s","quantity":%d,"unitPrice":%d}]}""".formatted(customer, token, sku, quantity, unitPrice);
    }

    /** Places an order and returns its id; fails unless the service answered 202. */
    String place(String body) {
        HttpResponse<String> response = send(post(body));
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202, got " + response.statusCode() + ": " + response.body());
        }
        return read(response.body()).path("orderId").asText();
    }

    /** Places an order; empty if the service answered 409 (its catalog does not show the sent price yet). */
    java.util.Optional<String> placeUnlessPriceDiffers(String body) {
        HttpResponse<String> response = send(post(body));
        if (response.statusCode() == 409) {
            return java.util.Optional.empty();
        }
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202 or 409, got " + response.statusCode() + ": " + response.body());
        }
        return java.util.Optional.of(read(response.body()).path("orderId").asText());
    }

    /** Places many orders with at most {@code concurrency} in flight; returns their ids in submit order. */
    List<String> placeAll(List<String> bodies, int concurrency) {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (String body : bodies) {
            inFlight.acquireUninterruptibly();
            results.add(http.sendAsync(post(body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> inFlight.release())
                    .thenApply(response -> {
                        if (response.statusCode() != 202) {
                            throw new AssertionError("expected 202, got " + response.statusCode() + ": " + response.body());
                        }
                        return read(response.body()).path("orderId").asText();
                    }));
        }
        return results.stream().map(CompletableFuture::join).toList();
    }

    /** The order as {@code GET /orders/{id}?waitForFinal=...} returns it. */
    JsonNode awaitFinal(String orderId, Duration wait) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/orders/" + orderId + "?waitForFinal=" + wait.toSeconds() + "s"))
                .timeout(wait.plusSeconds(10)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/orders"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    static JsonNode get(HttpClient http, String url) {
        try {
            return read(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
