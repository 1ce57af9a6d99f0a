package io.fastship.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the registry's REST API, with no caching.
 *
 * <p>Tries the configured URLs in turn when one cannot be reached, and keeps using the last one
 * that answered. Accepts the response shapes of Confluent (old and new), Karapace, Redpanda and
 * Apicurio's ccompat API.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, "
            + "application/json; q=0.5";

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final int MAX_BODY_IN_MESSAGE = 300;

    private final ObjectMapper json = new ObjectMapper();
    private final List<RegistryEndpoint> endpoints;
    private final SchemaRegistryConfig config;
    private final HttpClient http;
    private final AtomicInteger preferred = new AtomicInteger();

    public RestSchemaRegistryClient(SchemaRegistryConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.endpoints = RegistryEndpoint.fromConfig(config);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public int register(String subject, Schema schema, boolean normalize) {
        JsonNode response = send("POST", "/subjects/" + encode(subject) + "/versions" + normalizeQuery(normalize),
                schemaBody(schema));
        JsonNode id = response.get("id");
        if (id == null || !id.canConvertToInt() && !id.isTextual()) {
            throw malformed("register in subject " + subject, response);
        }
        return id.asInt();
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        JsonNode response = send("POST", "/subjects/" + encode(subject) + normalizeQuery(normalize),
                schemaBody(schema));
        return registeredSchema(subject, response, schema);
    }

    @Override
    public Schema getSchemaById(int id) {
        JsonNode response = send("GET", "/schemas/ids/" + id, null);
        return parseAvro(response, "schema id " + id);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        return fetchVersion(subject, LATEST);
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return fetchVersion(subject, Integer.toString(version));
    }

    @Override
    public List<Integer> getVersions(String subject) {
        return intList(send("GET", "/subjects/" + encode(subject) + "/versions", null), "versions of " + subject);
    }

    @Override
    public List<String> getSubjects() {
        JsonNode response = send("GET", "/subjects", null);
        if (!response.isArray()) {
            throw malformed("list subjects", response);
        }
        List<String> subjects = new ArrayList<>();
        response.forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, String version, Schema schema, boolean verbose) {
        String path = "/compatibility/subjects/" + encode(subject) + "/versions/" + encode(version)
                + (verbose ? "?verbose=true" : "");
        JsonNode response = send("POST", path, schemaBody(schema));
        JsonNode verdict = response.has("is_compatible") ? response.get("is_compatible") : response.get("isCompatible");
        if (verdict == null) {
            throw malformed("compatibility check for " + subject, response);
        }
        List<String> messages = new ArrayList<>();
        JsonNode messageNodes = response.path("messages");
        messageNodes.forEach(node -> messages.add(node.isTextual() ? node.asText() : node.toString()));
        return new CompatibilityResult(verdict.asBoolean(), messages);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        JsonNode response = send("DELETE", "/subjects/" + encode(subject) + (permanent ? "?permanent=true" : ""),
                null);
        return intList(response, "delete of " + subject);
    }

    @Override
    public String getCompatibility(String subject) {
        String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
        return compatibilityLevel(send("GET", path, null), "config of " + (subject == null ? "registry" : subject));
    }

    @Override
    public String updateCompatibility(String subject, String level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level.toUpperCase(Locale.ROOT));
        String path = subject == null ? "/config" : "/config/" + encode(subject);
        return compatibilityLevel(send("PUT", path, body), "config update");
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 holds no resources that need an explicit close.
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + endpoints;
    }

    private RegisteredSchema fetchVersion(String subject, String version) {
        JsonNode response = send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null);
        return registeredSchema(subject, response, null);
    }

    private RegisteredSchema registeredSchema(String subject, JsonNode response, Schema known) {
        JsonNode id = response.get("id");
        if (id == null) {
            throw malformed("version of " + subject, response);
        }
        Schema schema = response.hasNonNull("schema") ? parseAvro(response, "subject " + subject) : known;
        if (schema == null) {
            throw malformed("version of " + subject, response);
        }
        String echoedSubject = response.path("subject").asText(subject);
        return new RegisteredSchema(echoedSubject.isEmpty() ? subject : echoedSubject,
                response.path("version").asInt(0), id.asInt(), schema);
    }

    private Schema parseAvro(JsonNode response, String what) {
        String type = response.path("schemaType").asText("AVRO");
        if (!type.equalsIgnoreCase("AVRO")) {
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_ERROR_CODE,
                    what + " is a " + type + " schema; only AVRO is supported");
        }
        JsonNode text = response.get("schema");
        if (text == null || text.isNull()) {
            throw malformed(what, response);
        }
        try {
            // Registries may hold schemas written before Avro validated defaults; reading them must still work.
            return new Schema.Parser().setValidateDefaults(false)
                    .parse(text.isTextual() ? text.asText() : text.toString());
        } catch (SchemaParseException e) {
            String references = response.path("references").isArray() && !response.path("references").isEmpty()
                    ? " (it uses schema references, which this client does not resolve)" : "";
            throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_ERROR_CODE,
                    "Registry returned an unparseable Avro schema for " + what + references + ": " + e.getMessage(), e);
        }
    }

    private String compatibilityLevel(JsonNode response, String what) {
        JsonNode level = response.has("compatibilityLevel") ? response.get("compatibilityLevel")
                : response.get("compatibility");
        if (level == null || !level.isTextual()) {
            throw malformed(what, response);
        }
        return level.asText();
    }

    private List<Integer> intList(JsonNode response, String what) {
        if (!response.isArray()) {
            throw malformed(what, response);
        }
        List<Integer> numbers = new ArrayList<>();
        response.forEach(node -> numbers.add(node.asInt()));
        return numbers;
    }

    private ObjectNode schemaBody(Schema schema) {
        // schemaType is left out for Avro: it is the default, and registries older than 5.5 reject the field.
        return json.createObjectNode().put("schema", schema.toString());
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body) {
        byte[] payload = null;
        if (body != null) {
            try {
                payload = json.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write request body", e);
            }
        }
        int start = preferred.get();
        IOException lastFailure = null;
        for (int attempt = 0; attempt < endpoints.size(); attempt++) {
            int index = (start + attempt) % endpoints.size();
            RegistryEndpoint endpoint = endpoints.get(index);
            HttpResponse<String> response;
            try {
                response = http.send(request(endpoint, method, pathAndQuery, payload),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = e;
                LOG.warn("Schema registry {} unreachable for {} {}: {}", endpoint, method, pathAndQuery, e.toString());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE,
                        SchemaRegistryException.NO_ERROR_CODE, "Interrupted calling schema registry", e);
            }
            preferred.set(index);
            LOG.debug("{} {}{} -> {}", method, endpoint, pathAndQuery, response.statusCode());
            return readResponse(method, pathAndQuery, response);
        }
        throw new SchemaRegistryUnavailableException("No schema registry reachable for " + method + " " + pathAndQuery
                + " (tried " + endpoints + ")", lastFailure);
    }

    private HttpRequest request(RegistryEndpoint endpoint, String method, String pathAndQuery, byte[] payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT)
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        endpoint.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private JsonNode readResponse(String method, String pathAndQuery, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 200 && status < 300) {
            if (body.isBlank()) {
                return json.nullNode();
            }
            try {
                return json.readTree(body);
            } catch (IOException e) {
                throw new SchemaRegistryException(status, SchemaRegistryException.NO_ERROR_CODE,
                        "Schema registry sent a non-JSON answer to " + method + " " + pathAndQuery + ": "
                                + abbreviate(body), e);
            }
        }
        throw RegistryErrors.fromResponse(json, status, body, method + " " + pathAndQuery);
    }

    private SchemaRegistryException malformed(String what, JsonNode response) {
        return new SchemaRegistryException(SchemaRegistryException.NO_RESPONSE, SchemaRegistryException.NO_ERROR_CODE,
                "Unexpected schema registry answer for " + what + ": " + abbreviate(response.toString()));
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }

    private static String normalizeQuery(boolean normalize) {
        return normalize ? "?normalize=true" : "";
    }

    /** Percent-encodes one path segment; URLEncoder's form encoding would turn spaces into '+'. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
