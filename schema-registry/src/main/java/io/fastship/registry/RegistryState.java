package io.fastship.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The registry's in-memory index, rebuilt from the schemas topic. Only {@link #apply} changes it, and
 * only the topic reader calls that, so the log stays the single source of truth.
 */
final class RegistryState {

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    // Never lowered: an id once handed out must not come back after a permanent delete.
    private int maxId;

    /** Applies one decoded record of the schemas topic. */
    public synchronized void apply(LogEntry entry) {
        if (entry instanceof LogEntry.SchemaUpserted upserted) {
            putVersion(upserted.version());
        } else if (entry instanceof LogEntry.SchemaRemoved removed) {
            removeVersion(removed.subject(), removed.version());
        } else if (entry instanceof LogEntry.SubjectDeleted deleted) {
            NavigableMap<Integer, SchemaVersion> versions = subjects.get(deleted.subject());
            if (versions != null) {
                versions.headMap(deleted.version(), true).replaceAll((v, schema) -> schema.markDeleted());
            }
        } else if (entry instanceof LogEntry.ConfigSet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
        } else if (entry instanceof LogEntry.ConfigRemoved removed) {
            if (removed.subject() == null) {
                globalLevel = null;
            } else {
                subjectLevels.remove(removed.subject());
            }
        }
    }

    private void putVersion(SchemaVersion version) {
        subjects.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
        schemaById.putIfAbsent(version.id(), version.schema());
        // Two racing registries could give one schema two ids; the first one wins for new registrations.
        idBySchema.merge(version.schema(), version.id(), Math::min);
        maxId = Math.max(maxId, version.id());
    }

    private void removeVersion(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        SchemaVersion removed = versions.remove(version);
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        if (removed != null && !isReferenced(removed.id())) {
            schemaById.remove(removed.id());
            idBySchema.remove(removed.schema(), removed.id());
        }
    }

    private boolean isReferenced(int id) {
        return subjects.values().stream().flatMap(v -> v.values().stream()).anyMatch(v -> v.id() == id);
    }

    /** Subject names, sorted; with {@code includeDeleted} also subjects whose versions are all soft-deleted. */
    public synchronized List<String> subjects(boolean includeDeleted) {
        List<String> names = new ArrayList<>();
        subjects.forEach((name, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
                names.add(name);
            }
        });
        return names;
    }

    /** The subject's versions in ascending order. */
    public synchronized List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    public synchronized Optional<SchemaVersion> version(String subject, int version) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The highest version that is not soft-deleted. */
    public synchronized Optional<SchemaVersion> latest(String subject) {
        List<SchemaVersion> live = versions(subject, false);
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }

    /** The subject's version holding exactly this canonical text, preferring live and then newest. */
    public synchronized Optional<SchemaVersion> find(String subject, String canonical, boolean includeDeleted) {
        return versions(subject, includeDeleted).stream()
                .filter(v -> v.schema().equals(canonical))
                .max(Comparator.comparing((SchemaVersion v) -> !v.deleted()).thenComparingInt(SchemaVersion::version));
    }

    public synchronized Optional<String> schema(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    /** Every subject version that uses the id. */
    public synchronized List<SchemaVersion> usages(int id, boolean includeDeleted) {
        return subjects.values().stream()
                .flatMap(v -> v.values().stream())
                .filter(v -> v.id() == id && (includeDeleted || !v.deleted()))
                .toList();
    }

    /** The global id already given to this canonical text in any subject, soft-deleted ones included. */
    public synchronized OptionalInt idOf(String canonical) {
        Integer id = idBySchema.get(canonical);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public synchronized int nextId() {
        return maxId + 1;
    }

    /** One past the highest version ever given in the subject, soft-deleted ones included. */
    public synchronized int nextVersion(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized CompatibilityLevel globalLevel() {
        return globalLevel == null ? CompatibilityLevel.DEFAULT : globalLevel;
    }

    /** The subject's own level if it has one, else the global level. */
    public synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).orElseGet(this::globalLevel);
    }
}
