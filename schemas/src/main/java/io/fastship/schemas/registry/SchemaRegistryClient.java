package io.fastship.schemas.registry;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API FastShip uses, for Avro schemas.
 *
 * <p>Every method throws {@link SchemaRegistryException} (or a subclass) when the registry says no or
 * cannot be reached.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** The special version name for a subject's newest version. */
    String LATEST = "latest";

    /** Registers the schema under the subject (or finds it already there) and returns its global id. */
    int register(String subject, Schema schema, boolean normalize);

    /** Finds the schema among the subject's versions without registering it. */
    RegisteredSchema lookup(String subject, Schema schema, boolean normalize);

    /** The schema with this global id. */
    Schema getSchemaById(int id);

    /** The subject's newest version. */
    RegisteredSchema getLatestVersion(String subject);

    /** One version of the subject. */
    RegisteredSchema getVersion(String subject, int version);

    /** The subject's live version numbers, ascending. */
    List<Integer> getVersions(String subject);

    /** All live subjects. */
    List<String> getSubjects();

    /** Tests the schema against a version of the subject ({@code "latest"} or a number). */
    CompatibilityResult testCompatibility(String subject, String version, Schema schema, boolean verbose);

    /** Deletes the subject (soft unless {@code permanent}) and returns the deleted version numbers. */
    List<Integer> deleteSubject(String subject, boolean permanent);

    /** The compatibility level in force for the subject (falling back to global), or global when subject is null. */
    String getCompatibility(String subject);

    /** Sets the compatibility level for the subject, or globally when subject is null; returns the level set. */
    String updateCompatibility(String subject, String level);

    @Override
    void close();

    /** A cached REST client built from Kafka-style configs ({@code schema.registry.url} and friends). */
    static SchemaRegistryClient fromConfigs(Map<String, ?> configs) {
        SchemaRegistryConfig config = SchemaRegistryConfig.from(configs);
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(config), config.latestCacheTtl());
    }
}
