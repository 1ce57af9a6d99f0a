package io.fastship.schemas.serde;

import io.fastship.schemas.registry.ConfigValues;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * Validated Avro serializer/deserializer settings for one side (key or value), parsed from Kafka-style configs.
 *
 * @param autoRegisterSchemas register the value's schema on serialize ({@code auto.register.schemas}, default true)
 * @param useLatestVersion    serialize with the subject's latest schema when not auto-registering, and read with it
 *                            ({@code use.latest.version}, default false)
 * @param normalizeSchemas    ask the registry to normalize schemas ({@code normalize.schemas}, default false)
 * @param subjectNameStrategy how subjects are named ({@code key.subject.name.strategy} / {@code value.subject.name.strategy})
 * @param specificAvroReader  read into generated classes ({@code specific.avro.reader}, default false)
 * @param readerClass         explicit generated class to read into ({@code specific.avro.key.type} /
 *                            {@code specific.avro.value.type}), or null
 * @param readerSchema        explicit reader schema ({@code avro.key.reader.schema} / {@code avro.value.reader.schema}),
 *                            or null
 */
public record AvroSerdeConfig(
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean normalizeSchemas,
        SubjectNameStrategy subjectNameStrategy,
        boolean specificAvroReader,
        Class<? extends SpecificRecord> readerClass,
        Schema readerSchema) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String AVRO_KEY_READER_SCHEMA = "avro.key.reader.schema";
    public static final String AVRO_VALUE_READER_SCHEMA = "avro.value.reader.schema";

    public AvroSerdeConfig {
        Objects.requireNonNull(subjectNameStrategy, "subjectNameStrategy");
    }

    /** Parses the settings for the key side ({@code isKey}) or value side. */
    public static AvroSerdeConfig from(Map<String, ?> configs, boolean isKey) {
        ConfigValues values = new ConfigValues(configs);
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        String typeKey = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
        String schemaKey = isKey ? AVRO_KEY_READER_SCHEMA : AVRO_VALUE_READER_SCHEMA;
        return new AvroSerdeConfig(
                values.bool(AUTO_REGISTER_SCHEMAS, true),
                values.bool(USE_LATEST_VERSION, false),
                values.bool(NORMALIZE_SCHEMAS, false),
                SubjectNameStrategies.resolve(values.writtenAs(strategyKey), values.raw(strategyKey).orElse(null)),
                values.bool(SPECIFIC_AVRO_READER, false),
                readerClass(values.writtenAs(typeKey), values.raw(typeKey).orElse(null)),
                readerSchema(values.writtenAs(schemaKey), values.raw(schemaKey).orElse(null)));
    }

    private static Class<? extends SpecificRecord> readerClass(String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Class<?> type;
        if (value instanceof Class<?> given) {
            type = given;
        } else {
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                type = Class.forName(value.toString().trim(), true,
                        loader != null ? loader : AvroSerdeConfig.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, value, "Class not found");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, type.getName(), "Not an Avro SpecificRecord class");
        }
        return type.asSubclass(SpecificRecord.class);
    }

    private static Schema readerSchema(String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Schema schema) {
            return schema;
        }
        try {
            return new Schema.Parser().parse(value.toString());
        } catch (SchemaParseException e) {
            throw new ConfigException(key, value, "Not a valid Avro schema: " + e.getMessage());
        }
    }
}
