package io.fastship.console.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.fastship.console.http.ProblemException;
import io.fastship.inspector.output.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's control endpoint as the console uses it: how many instances of each service run, and
 * the existing {@code POST /scale/{service}/{instances}}. Without a URL the console is read-only.
 */
public final class StackControl {

    /** Instance names of the services: {@code payment-2}; brokers, registry and gateway do not match. */
    private static final Pattern INSTANCE = Pattern.compile("(order|payment|inventory)-\\d+");
    private static final Pattern SERVICE_GROUP = Pattern.compile("(?:.*\\.)?(order|payment|inventory)-service");
    private static final Duration SCALE_TIMEOUT = Duration.ofMinutes(3);

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param url the control endpoint, or null for a read-only console */
    public StackControl(String url) {
        this.url = url;
    }

    public boolean configured() {
        return url != null;
    }

    /** The service a group belongs to ({@code payment-service} is payment's), if it is one of the stack's. */
    public static Optional<String> serviceOf(String group) {
        Matcher matcher = SERVICE_GROUP.matcher(group);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Running instances per service, or empty when there is no local stack or it does not answer. */
    public Optional<Map<String, Integer>> instances() {
        if (url == null) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/status"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(count(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Asks the stack for {@code instances} of {@code service}; returns the counts after it answered. */
    public Map<String, Integer> scale(String service, int instances) {
        if (url == null) {
            throw new ProblemException(403, "Read-only console",
                    "scaling needs a local stack: start the console with ./fastship up or --control-url");
        }
        if (!INSTANCE.matcher(service + "-1").matches()) {
            throw ProblemException.badRequest("unknown service '" + service + "' (expected order, payment or inventory)");
        }
        if (instances < 0 || instances > 32) {
            throw ProblemException.badRequest("instances must be 0..32, was " + instances);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(url + "/scale/" + service + "/" + instances)).timeout(SCALE_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ProblemException(502, "Scaling failed", "the local stack answered " + response.statusCode()
                        + ": " + response.body().lines().findFirst().orElse(""));
            }
            return instances().orElseGet(Map::of);
        } catch (IOException e) {
            throw new ProblemException(502, "Local stack not reachable", "cannot reach " + url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "Interrupted", "interrupted while scaling");
        }
    }

    /** Counts instance names in either shape of {@code /status}: an array of processes or {"instances":[...]}. */
    static Map<String, Integer> count(String statusJson) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(statusJson);
        } catch (IOException e) {
            return Map.of();
        }
        JsonNode list = root.isArray() ? root : root.path("instances");
        Map<String, Integer> counts = new TreeMap<>(Map.of("order", 0, "payment", 0, "inventory", 0));
        for (JsonNode process : list) {
            String state = process.path("state").asText("running");
            Matcher matcher = INSTANCE.matcher(process.path("name").asText(""));
            if (matcher.matches() && !"stopped".equals(state)) {
                counts.merge(matcher.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }
}
