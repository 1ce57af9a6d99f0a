package io.fastship.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain-HTTP test client for one registry, speaking JSON the way Confluent's clients do. */
final class RegistryHttp {

    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One answer: status, content type and the body as text and as JSON (null when not JSON). */
    record Response(int status, String contentType, String body, JsonNode json) {
    }

    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path) {
        return send("GET", path, null, V1_JSON);
    }

    Response delete(String path) {
        return send("DELETE", path, null, V1_JSON);
    }

    Response post(String path, String body) {
        return send("POST", path, body, V1_JSON);
    }

    Response put(String path, String body) {
        return send("PUT", path, body, V1_JSON);
    }

    /** {@code {"schema": "<schema text>"}} */
    static String schemaBody(String schema) {
        return MAPPER.createObjectNode().put("schema", schema).toString();
    }

    Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", V1_JSON);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
