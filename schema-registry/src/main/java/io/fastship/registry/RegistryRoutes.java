package io.fastship.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The Confluent-compatible REST endpoints: parse the request, call the service, write the JSON answer. */
final class RegistryRoutes {

    /** The media type of every answer, errors included. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SchemaRegistryService service;
    private final ErrorMapper errors;

    public RegistryRoutes(SchemaRegistryService service, ErrorMapper errors) {
        this.service = service;
        this.errors = errors;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> respond(ctx, MAPPER.createObjectNode()));
        routes.get("/mode", ctx -> respond(ctx, MAPPER.createObjectNode().put("mode", "READWRITE")));

        routes.get("/subjects", ctx -> respond(ctx, service.subjects(flag(ctx, "deleted"))));
        routes.post("/subjects/{subject}/versions", this::register);
        routes.post("/subjects/{subject}", this::lookup);
        routes.get("/subjects/{subject}/versions", ctx ->
                respond(ctx, service.versions(subject(ctx), flag(ctx, "deleted"))));
        routes.get("/subjects/{subject}/versions/{version}", ctx ->
                respond(ctx, versionBody(service.version(subject(ctx), version(ctx), flag(ctx, "deleted")))));
        routes.get("/subjects/{subject}/versions/{version}/schema", ctx ->
                respondRaw(ctx, service.version(subject(ctx), version(ctx), flag(ctx, "deleted")).schema()));
        routes.delete("/subjects/{subject}", ctx ->
                respond(ctx, service.deleteSubject(subject(ctx), flag(ctx, "permanent"))));

        routes.get("/schemas/ids/{id}", ctx -> respond(ctx,
                MAPPER.createObjectNode().put("schema", service.schemaById(schemaId(ctx)))));
        routes.get("/schemas/ids/{id}/versions", this::usages);

        routes.post("/compatibility/subjects/{subject}/versions/{version}", this::testCompatibility);

        routes.get("/config", ctx -> respond(ctx, levelBody(service.globalLevel())));
        routes.put("/config", ctx -> respond(ctx, echoBody(service.setLevel(null, levelFrom(ctx)))));
        routes.get("/config/{subject}", ctx ->
                respond(ctx, levelBody(service.subjectLevel(subject(ctx), flag(ctx, "defaultToGlobal")))));
        routes.put("/config/{subject}", ctx -> respond(ctx, echoBody(service.setLevel(subject(ctx), levelFrom(ctx)))));

        routes.exception(Exception.class, this::respondError);
        // Javalin answers its own HttpResponseExceptions (unknown route, ...) in plain text unless this type is named.
        routes.exception(HttpResponseException.class, this::respondError);
    }

    private void respondError(Exception failure, Context ctx) {
        ErrorMapper.ErrorResponse error = errors.map(failure);
        ctx.status(error.httpStatus());
        respondJson(ctx, MAPPER.createObjectNode()
                .put("error_code", error.errorCode())
                .put("message", error.message()));
    }

    private void register(Context ctx) {
        SchemaVersion registered = service.register(subject(ctx), schemaRequest(ctx));
        respond(ctx, MAPPER.createObjectNode().put("id", registered.id()));
    }

    private void lookup(Context ctx) {
        respond(ctx, versionBody(service.lookup(subject(ctx), schemaRequest(ctx), flag(ctx, "deleted"))));
    }

    private void usages(Context ctx) {
        ArrayNode body = MAPPER.createArrayNode();
        for (SchemaVersion usage : service.usagesOf(schemaId(ctx), flag(ctx, "deleted"))) {
            body.addObject().put("subject", usage.subject()).put("version", usage.version());
        }
        respond(ctx, body);
    }

    private void testCompatibility(Context ctx) {
        VersionId versionId = version(ctx);
        List<String> problems = service.testCompatibility(subject(ctx), versionId, schemaRequest(ctx));
        ObjectNode body = MAPPER.createObjectNode().put("is_compatible", problems.isEmpty());
        if (flag(ctx, "verbose")) {
            problems.forEach(body.putArray("messages")::add);
            if (problems.isEmpty()) {
                body.putArray("messages");
            }
        }
        respond(ctx, body);
    }

    private static ObjectNode versionBody(SchemaVersion version) {
        return MAPPER.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    private static ObjectNode levelBody(CompatibilityLevel level) {
        return MAPPER.createObjectNode().put("compatibilityLevel", level.name());
    }

    private static ObjectNode echoBody(CompatibilityLevel level) {
        return MAPPER.createObjectNode().put("compatibility", level.name());
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static VersionId version(Context ctx) {
        return VersionId.parse(ctx.pathParam("version"));
    }

    private static int schemaId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("id " + text);
        }
    }

    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }

    /** Reads the schema body; a schema sent as a JSON object instead of a string is accepted too. */
    private static SchemaRequest schemaRequest(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode schema = body.get("schema");
        String schemaText = schema == null || schema.isNull() ? null : schema.isTextual() ? schema.asText() : schema.toString();
        JsonNode type = body.get("schemaType");
        List<Object> references = new ArrayList<>();
        body.path("references").forEach(references::add);
        return new SchemaRequest(schemaText, type == null || type.isNull() ? null : type.asText(), references);
    }

    private static CompatibilityLevel levelFrom(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode level = body.hasNonNull("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        return CompatibilityLevel.parse(level == null || level.isNull() ? null : level.asText());
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = MAPPER.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw RegistryException.unprocessable("the request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw RegistryException.unprocessable("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryException.unprocessable("the request body cannot be read: " + e.getMessage());
        }
    }

    private static void respond(Context ctx, Object body) {
        ctx.status(200);
        respondJson(ctx, body);
    }

    private static void respondJson(Context ctx, Object body) {
        try {
            ctx.contentType(CONTENT_TYPE).result(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response", e);
        }
    }

    private static void respondRaw(Context ctx, String json) {
        ctx.status(200).contentType(CONTENT_TYPE).result(json);
    }
}
