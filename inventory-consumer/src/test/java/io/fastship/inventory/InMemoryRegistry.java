package io.fastship.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fastship.schemas.registry.CompatibilityResult;
import io.fastship.schemas.registry.RegisteredSchema;
import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/** A registry in memory for broker-less topology tests: ids by schema, enough for the serde's register and read. */
final class InMemoryRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final List<Schema> schemas = new ArrayList<>();

    @Override
    public synchronized int register(String subject, Schema schema, boolean normalize) {
        return ids.computeIfAbsent(schema, s -> {
            schemas.add(s);
            return schemas.size();
        });
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        return new RegisteredSchema(subject, 1, register(subject, schema, normalize), schema);
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException(404, 40403, "no schema with id " + id);
        }
        return schemas.get(id - 1);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public List<Integer> getVersions(String subject) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public List<String> getSubjects() {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, String version, Schema schema, boolean verbose) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public String getCompatibility(String subject) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public String updateCompatibility(String subject, String level) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void close() {
    }
}
