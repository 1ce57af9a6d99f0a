package io.fastship.schemas.serde;

import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.registry.SchemaRegistryException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka deserializer reading Confluent-framed Avro into generic records, generated classes or primitives.
 *
 * <p>The writer schema comes from the registry by id (cached); the reader schema is chosen as described in
 * {@link ReaderSchemaResolver}, and Avro resolves one into the other.
 */
public class KafkaAvroDeserializer<T> implements Deserializer<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAvroDeserializer.class);

    private final AvroPayloadReader reader = new AvroPayloadReader();
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private boolean isKey;
    private ReaderSchemaResolver readerSchemas;

    /** For Kafka's reflective construction; {@link #configure} builds a registry client from the configs. */
    public KafkaAvroDeserializer() {
    }

    /** Uses a shared client, which this deserializer will not close. */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Uses a shared client and configures at once. */
    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this(client);
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs, isKey);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClient.fromConfigs(configs);
            ownsClient = true;
        }
        this.readerSchemas = new ReaderSchemaResolver(config, isKey, client);
        LOG.debug("Avro {} deserializer configured: {}", isKey ? "key" : "value", config);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (readerSchemas == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        int schemaId = ConfluentWireFormat.readSchemaId(data);
        Schema writer = writerSchema(schemaId);
        @SuppressWarnings("unchecked")
        T value = (T) reader.read(data, schemaId, writer, readerSchemas.choose(topic, writer));
        return value;
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        String header = isKey ? ConfluentWireFormat.KEY_SCHEMA_ID_HEADER : ConfluentWireFormat.VALUE_SCHEMA_ID_HEADER;
        if (data != null && headers != null && headers.lastHeader(header) != null) {
            throw new SerializationException("Record on " + topic + " carries its schema GUID in header " + header
                    + " (newer Confluent header framing), which is not supported; produce with the 5-byte "
                    + "magic 0x00 + schema id prefix instead");
        }
        return deserialize(topic, data);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    private Schema writerSchema(int schemaId) {
        try {
            return client.getSchemaById(schemaId);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new SerializationException("Schema id " + schemaId + " not found in the schema registry: "
                        + e.getMessage(), e);
            }
            throw RegistryFailures.translate(e, "Cannot fetch writer schema id " + schemaId);
        }
    }
}
