package io.fastship.schemas.serde;

import io.fastship.schemas.registry.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Ready-configured Avro serdes for services.
 *
 * <p>Services that use several serdes should build one client with {@link #client(Map)} and pass it to the
 * overloads taking a client, so all of them share one cache; such serdes never close the shared client.
 */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** A cached registry client from {@code schema.registry.url} and friends; close it when the service stops. */
    public static SchemaRegistryClient client(Map<String, ?> configs) {
        return SchemaRegistryClient.fromConfigs(configs);
    }

    /** A serde for a generated class, with its own registry client (closed with the serde). */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, Map<String, ?> configs, boolean isKey) {
        KafkaAvroSerde<T> serde = new KafkaAvroSerde<>();
        serde.configure(specificConfigs(type, configs, isKey), isKey);
        return serde;
    }

    /** A serde for a generated class over a shared client. */
    public static <T extends SpecificRecord> Serde<T> specific(Class<T> type, SchemaRegistryClient client,
            Map<String, ?> configs, boolean isKey) {
        KafkaAvroSerde<T> serde = new KafkaAvroSerde<>(client);
        serde.configure(specificConfigs(type, configs, isKey), isKey);
        return serde;
    }

    /** A generic-record serde with its own registry client (closed with the serde). */
    public static Serde<GenericRecord> generic(Map<String, ?> configs, boolean isKey) {
        KafkaAvroSerde<GenericRecord> serde = new KafkaAvroSerde<>();
        serde.configure(configs, isKey);
        return serde;
    }

    /** A generic-record serde over a shared client. */
    public static Serde<GenericRecord> generic(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        KafkaAvroSerde<GenericRecord> serde = new KafkaAvroSerde<>(client);
        serde.configure(configs, isKey);
        return serde;
    }

    private static Map<String, Object> specificConfigs(Class<?> type, Map<String, ?> configs, boolean isKey) {
        Map<String, Object> merged = new HashMap<>(configs);
        merged.put(isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, type);
        merged.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        return merged;
    }

    /**
     * Lets Avro load the generated classes of {@code type} (records, enums) when decoding without a serde, e.g.
     * with {@code fromByteBuffer} from a local store; Avro refuses classes that are not on its trust list.
     */
    public static void trustGenerated(Class<? extends SpecificRecord> type) {
        GeneratedClassTrust.trustClassesOf(SpecificData.get().getSchema(type));
    }
}
