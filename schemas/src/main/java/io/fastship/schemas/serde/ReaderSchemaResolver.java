package io.fastship.schemas.serde;

import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.registry.SchemaRegistryException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Picks the reader schema for a writer schema, in this order: the explicit reader schema; the configured
 * specific class; the subject's latest version when {@code use.latest.version}; with
 * {@code specific.avro.reader} the generated class named like the writer schema; else the writer schema, generic.
 */
final class ReaderSchemaResolver {

    private final AvroSerdeConfig config;
    private final boolean isKey;
    private final SchemaRegistryClient client;
    private final ReaderChoice fixed;
    private final ConcurrentMap<Schema, ReaderChoice> byWriterName = new ConcurrentHashMap<>();
    private final ConcurrentMap<Schema, ReaderChoice> byLatestSchema = new ConcurrentHashMap<>();

    ReaderSchemaResolver(AvroSerdeConfig config, boolean isKey, SchemaRegistryClient client) {
        this.config = config;
        this.isKey = isKey;
        this.client = client;
        this.fixed = fixedChoice(config);
    }

    ReaderChoice choose(String topic, Schema writer) {
        if (fixed != null) {
            return fixed;
        }
        if (config.useLatestVersion()) {
            String subject = config.subjectNameStrategy().subjectName(topic, isKey, writer);
            try {
                Schema latest = client.getLatestVersion(subject).schema();
                return byLatestSchema.computeIfAbsent(latest, s -> choiceFor(s, config.specificAvroReader()));
            } catch (SchemaRegistryException e) {
                throw RegistryFailures.translate(e, "Cannot get latest version of subject " + subject
                        + " to read with (use.latest.version=true)");
            }
        }
        if (config.specificAvroReader()) {
            return byWriterName.computeIfAbsent(writer, ReaderSchemaResolver::generatedClassFor);
        }
        return ReaderChoice.generic(writer);
    }

    private static ReaderChoice fixedChoice(AvroSerdeConfig config) {
        if (config.readerSchema() != null) {
            return choiceFor(config.readerSchema(), config.specificAvroReader());
        }
        if (config.readerClass() != null) {
            return specificChoice(config.readerClass());
        }
        return null;
    }

    private static ReaderChoice choiceFor(Schema reader, boolean specific) {
        if (!specific) {
            return ReaderChoice.generic(reader);
        }
        GeneratedClassTrust.trustClassesOf(reader);
        return new ReaderChoice(reader, SpecificData.getForSchema(reader));
    }

    private static ReaderChoice specificChoice(Class<?> generated) {
        SpecificData model = SpecificData.getForClass(generated);
        Schema schema = model.getSchema(generated);
        GeneratedClassTrust.trustClassesOf(schema);
        return new ReaderChoice(schema, model);
    }

    private static ReaderChoice generatedClassFor(Schema writer) {
        return switch (writer.getType()) {
            case RECORD, ENUM, FIXED -> {
                Class<?> generated = GeneratedClassTrust.generatedClassFor(writer).orElseThrow(() ->
                        new SerializationException("specific.avro.reader is true but no generated class "
                                + writer.getFullName() + " is on the classpath for the writer schema"));
                yield specificChoice(generated);
            }
            // Primitives and top-level unions have no generated class; they read as generic values.
            default -> ReaderChoice.generic(writer);
        };
    }
}
