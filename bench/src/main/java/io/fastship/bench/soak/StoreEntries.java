package io.fastship.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of each state store a service reports on {@code /metrics} as {@code fastship_state_entries{store=...}}
 * (Prometheus text; series that differ only in other labels, e.g. tasks, are summed per store).
 */
public final class StoreEntries {

    private static final Pattern LINE = Pattern.compile(
            "(?m)^fastship_state_entries\\{([^}]*)}\\s+([-+0-9.eE]+|NaN)\\s*$");
    private static final Pattern STORE = Pattern.compile("(?:^|,)\\s*store=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StoreEntries() {
    }

    /** Entries by store name; empty when the text has no such gauge (the service does not report it yet). */
    public static Map<String, Double> parse(String prometheusText) {
        Map<String, Double> entries = new TreeMap<>();
        Matcher line = LINE.matcher(prometheusText);
        while (line.find()) {
            Matcher store = STORE.matcher(line.group(1));
            if (store.find() && !line.group(2).equals("NaN")) {
                entries.merge(store.group(1), Double.parseDouble(line.group(2)), Double::sum);
            }
        }
        return entries;
    }

    /** Scrapes {@code baseUrl/metrics}; empty if it cannot be read. */
    public static Map<String, Double> scrape(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? parse(response.body()) : Map.of();
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
