package io.fastship.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes the JSON keys and values of the {@code _schemas} topic in Confluent's own layout. */
final class LogCodec {

    private static final Logger log = LoggerFactory.getLogger(LogCodec.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String SCHEMA = "SCHEMA";
    static final String CONFIG = "CONFIG";
    static final String DELETE_SUBJECT = "DELETE_SUBJECT";
    static final String AVRO = "AVRO";

    // Compaction works on key bytes, so field order here must never change: every writer has to agree.
    public String schemaKey(String subject, int version) {
        ObjectNode key = MAPPER.createObjectNode();
        key.put("keytype", SCHEMA);
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return write(key);
    }

    public String schemaValue(SchemaVersion version) {
        ObjectNode value = MAPPER.createObjectNode();
        value.put("subject", version.subject());
        value.put("version", version.version());
        value.put("id", version.id());
        value.put("schemaType", AVRO);
        value.put("schema", version.schema());
        value.put("deleted", version.deleted());
        return write(value);
    }

    public String configKey(String subjectOrNull) {
        ObjectNode key = MAPPER.createObjectNode();
        key.put("keytype", CONFIG);
        key.put("subject", subjectOrNull);
        key.put("magic", 0);
        return write(key);
    }

    public String configValue(CompatibilityLevel level) {
        ObjectNode value = MAPPER.createObjectNode();
        value.put("compatibilityLevel", level.name());
        return write(value);
    }

    public String deleteSubjectKey(String subject) {
        ObjectNode key = MAPPER.createObjectNode();
        key.put("keytype", DELETE_SUBJECT);
        key.put("subject", subject);
        key.put("magic", 0);
        return write(key);
    }

    public String deleteSubjectValue(String subject, int version) {
        ObjectNode value = MAPPER.createObjectNode();
        value.put("subject", subject);
        value.put("version", version);
        return write(value);
    }

    /**
     * Decodes one record. Records other registries may write (NOOP, MODE, other schema types, garbage)
     * come back empty so the reader can skip them and go on.
     */
    public Optional<LogEntry> decode(String keyJson, String valueJson) {
        try {
            return decodeOrThrow(keyJson, valueJson);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("Skipping unreadable schemas record key={} : {}", keyJson, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<LogEntry> decodeOrThrow(String keyJson, String valueJson) throws JsonProcessingException {
        if (keyJson == null) {
            log.warn("Skipping schemas record without a key");
            return Optional.empty();
        }
        JsonNode key = MAPPER.readTree(keyJson);
        String keyType = key.path("keytype").asText("");
        JsonNode value = valueJson == null ? null : MAPPER.readTree(valueJson);
        switch (keyType) {
            case SCHEMA:
                return decodeSchema(key, value);
            case CONFIG:
                return decodeConfig(key, value);
            case DELETE_SUBJECT:
                return decodeDeleteSubject(key, value);
            default:
                log.warn("Skipping schemas record of unsupported keytype '{}'", keyType);
                return Optional.empty();
        }
    }

    private Optional<LogEntry> decodeSchema(JsonNode key, JsonNode value) {
        String subject = requiredText(key, "subject");
        int version = requiredInt(key, "version");
        if (value == null || value.isNull()) {
            return Optional.of(new LogEntry.SchemaRemoved(subject, version));
        }
        String schemaType = value.path("schemaType").asText(AVRO);
        if (!AVRO.equalsIgnoreCase(schemaType)) {
            log.warn("Skipping {} schema {} v{}: only AVRO is supported", schemaType, subject, version);
            return Optional.empty();
        }
        SchemaVersion schema = new SchemaVersion(subject, version, requiredInt(value, "id"),
                requiredText(value, "schema"), value.path("deleted").asBoolean(false));
        return Optional.of(new LogEntry.SchemaUpserted(schema));
    }

    private Optional<LogEntry> decodeConfig(JsonNode key, JsonNode value) {
        JsonNode subjectNode = key.path("subject");
        String subject = subjectNode.isTextual() ? subjectNode.asText() : null;
        JsonNode level = value == null ? null : value.get("compatibilityLevel");
        if (level == null || level.isNull()) {
            return Optional.of(new LogEntry.ConfigRemoved(subject));
        }
        try {
            return Optional.of(new LogEntry.ConfigSet(subject, CompatibilityLevel.parse(level.asText())));
        } catch (RegistryException e) {
            log.warn("Skipping config record for {} with unknown level '{}'", subject, level.asText());
            return Optional.empty();
        }
    }

    private Optional<LogEntry> decodeDeleteSubject(JsonNode key, JsonNode value) {
        if (value == null || value.isNull()) {
            // Compaction of an old delete marker; the schema records themselves say what is left.
            return Optional.empty();
        }
        return Optional.of(new LogEntry.SubjectDeleted(requiredText(key, "subject"), requiredInt(value, "version")));
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.isTextual()) {
            throw new IllegalArgumentException("missing text field '" + field + "'");
        }
        return child.asText();
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.canConvertToInt()) {
            throw new IllegalArgumentException("missing integer field '" + field + "'");
        }
        return child.asInt();
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
