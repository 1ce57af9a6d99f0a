package io.fastship.schemas.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** An in-memory registry fake that counts calls per method, for serde and cache tests. */
public class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
    private final Map<Integer, Schema> byId = new LinkedHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, String> compatibility = new LinkedHashMap<>();
    private int nextId = 1;
    private boolean closed;

    /** How often the named method was called. */
    public int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void resetCalls() {
        calls.clear();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Registers behind the counters' back, as another producer would have. */
    public synchronized int preRegister(String subject, Schema schema) {
        return doRegister(subject, schema);
    }

    @Override
    public synchronized int register(String subject, Schema schema, boolean normalize) {
        count("register");
        return doRegister(subject, schema);
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        count("lookup");
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found.");
        }
        return versions.stream().filter(v -> v.schema().equals(schema)).findFirst()
                .orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                        "Schema not found"));
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        count("getSchemaById");
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatestVersion(String subject) {
        count("getLatestVersion");
        List<RegisteredSchema> versions = versionsOf(subject);
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        count("getVersion");
        return versionsOf(subject).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND,
                        "Version " + version + " not found."));
    }

    @Override
    public synchronized List<Integer> getVersions(String subject) {
        count("getVersions");
        return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
    }

    @Override
    public synchronized List<String> getSubjects() {
        count("getSubjects");
        return List.copyOf(subjects.keySet());
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, String version, Schema schema,
            boolean verbose) {
        count("testCompatibility");
        return new CompatibilityResult(true, List.of());
    }

    @Override
    public synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
        count("deleteSubject");
        List<Integer> deleted = versionsOf(subject).stream().map(RegisteredSchema::version).toList();
        subjects.remove(subject);
        return deleted;
    }

    @Override
    public synchronized String getCompatibility(String subject) {
        count("getCompatibility");
        return compatibility.getOrDefault(subject, compatibility.getOrDefault(null, "BACKWARD"));
    }

    @Override
    public synchronized String updateCompatibility(String subject, String level) {
        count("updateCompatibility");
        compatibility.put(subject, level);
        return level;
    }

    @Override
    public void close() {
        closed = true;
    }

    private int doRegister(String subject, Schema schema) {
        List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        for (RegisteredSchema existing : versions) {
            if (existing.schema().equals(schema)) {
                return existing.id();
            }
        }
        int id = byId.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey)
                .findFirst().orElseGet(() -> nextId++);
        byId.put(id, schema);
        versions.add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
        return id;
    }

    private List<RegisteredSchema> versionsOf(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private void count(String method) {
        calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    }
}
