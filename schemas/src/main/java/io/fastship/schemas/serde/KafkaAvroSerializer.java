package io.fastship.schemas.serde;

import io.fastship.schemas.registry.RegisteredSchema;
import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka serializer writing Avro records and primitives in the Confluent wire format.
 *
 * <p>The schema id comes from, in order: registering the schema ({@code auto.register.schemas}, default); the
 * subject's latest version ({@code use.latest.version}); looking the schema up. Ids are cached by the client.
 */
public class KafkaAvroSerializer<T> implements Serializer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAvroSerializer.class);

    private final AvroPayloadWriter writer = new AvroPayloadWriter();
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config;
    private boolean isKey;

    /** For Kafka's reflective construction; {@link #configure} builds a registry client from the configs. */
    public KafkaAvroSerializer() {
    }

    /** Uses a shared client, which this serializer will not close. */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Uses a shared client and configures at once. */
    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClient.fromConfigs(configs);
            ownsClient = true;
        }
        LOG.debug("Avro {} serializer configured: {}", isKey ? "key" : "value", config);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        Schema schema = AvroSchemas.schemaOf(data);
        String subject = config.subjectNameStrategy().subjectName(topic, isKey, schema);
        try {
            if (config.autoRegisterSchemas()) {
                return writer.write(client.register(subject, schema, config.normalizeSchemas()), schema, data);
            }
            if (config.useLatestVersion()) {
                RegisteredSchema latest = client.getLatestVersion(subject);
                return writer.write(latest.id(), latest.schema(), data);
            }
            return writer.write(client.lookup(subject, schema, config.normalizeSchemas()).id(), schema, data);
        } catch (SchemaRegistryException e) {
            throw RegistryFailures.translate(e, "Cannot get a schema id for subject " + subject + " (schema "
                    + schema.getFullName() + ")");
        }
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }
}
