package io.fastship.order.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastship.schemas.registry.CompatibilityResult;
import io.fastship.schemas.registry.RegisteredSchema;
import io.fastship.schemas.registry.SchemaRegistryClient;
import io.fastship.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/** An in-process registry for topology tests, which run without a broker and so without the real registry. */
final class LocalSchemaRegistry implements SchemaRegistryClient {

    private final Map<String, List<RegisteredSchema>> subjects = new HashMap<>();
    private final List<Schema> byId = new ArrayList<>();

    @Override
    public synchronized int register(String subject, Schema schema, boolean normalize) {
        List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        for (RegisteredSchema version : versions) {
            if (version.schema().equals(schema)) {
                return version.id();
            }
        }
        int id = byId.indexOf(schema) >= 0 ? byId.indexOf(schema) + 1 : add(schema);
        versions.add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
        return id;
    }

    private int add(Schema schema) {
        byId.add(schema);
        return byId.size();
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        return subjects.getOrDefault(subject, List.of()).stream().filter(v -> v.schema().equals(schema)).findFirst()
                .orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                        "not found"));
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        if (id < 1 || id > byId.size()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "no schema " + id);
        }
        return byId.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema getLatestVersion(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND, "no subject " + subject);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        return subjects.get(subject).get(version - 1);
    }

    @Override
    public synchronized List<Integer> getVersions(String subject) {
        return subjects.getOrDefault(subject, List.of()).stream().map(RegisteredSchema::version).toList();
    }

    @Override
    public synchronized List<String> getSubjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, String version, Schema schema, boolean verbose) {
        return new CompatibilityResult(true, List.of());
    }

    @Override
    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        List<RegisteredSchema> removed = subjects.remove(subject);
        return removed == null ? List.of() : removed.stream().map(RegisteredSchema::version).toList();
    }

    @Override
    public String getCompatibility(String subject) {
        return "BACKWARD";
    }

    @Override
    public String updateCompatibility(String subject, String level) {
        return level;
    }

    @Override
    public void close() {
    }
}
