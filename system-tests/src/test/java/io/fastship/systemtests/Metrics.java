package io.fastship.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads a Prometheus text endpoint the way a scraper would. */
final class Metrics {

    private Metrics() {
    }

    /** The sum of every series of {@code name} (all label sets) on {@code baseUrl/metrics}; 0 when absent. */
    static double sum(HttpClient http, String baseUrl, String name) {
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return text.lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException(baseUrl + "/metrics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
