package io.fastship.registry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry's rules: identity, versions, compatibility, deletes and config, on top of the state and the log. */
final class SchemaRegistryService {

    private static final Logger log = LoggerFactory.getLogger(SchemaRegistryService.class);

    private final RegistryState state;
    private final SchemaLog schemaLog;
    private final LogCodec codec;
    private final CompatibilityChecker checker;
    private final AvroSchemaParser parser;
    private final Duration lockTimeout;
    // One writer at a time: "read the state, pick an id, write" must not interleave with another writer.
    private final ReentrantLock writeLock = new ReentrantLock();

    public SchemaRegistryService(RegistryState state, SchemaLog schemaLog, LogCodec codec,
                                 CompatibilityChecker checker, AvroSchemaParser parser, Duration lockTimeout) {
        this.state = state;
        this.schemaLog = schemaLog;
        this.codec = codec;
        this.checker = checker;
        this.parser = parser;
        this.lockTimeout = lockTimeout;
    }

    /** Registers the schema under the subject and returns its global id (existing or new). */
    public SchemaVersion register(String subject, SchemaRequest request) {
        AvroSchemaParser.ParsedSchema parsed = parser.parse(request);
        return underWriteLock(() -> {
            var existing = state.find(subject, parsed.canonical(), false);
            if (existing.isPresent()) {
                return existing.get();
            }
            CompatibilityLevel level = state.effectiveLevel(subject);
            List<String> problems = checker.check(level, parsed.schema(), state.versions(subject, false));
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible("subject '" + subject + "' (" + level + "): " + problems);
            }
            int id = state.idOf(parsed.canonical()).orElseGet(state::nextId);
            SchemaVersion created = new SchemaVersion(subject, state.nextVersion(subject), id, parsed.canonical(), false);
            schemaLog.append(codec.schemaKey(subject, created.version()), codec.schemaValue(created));
            log.info("Registered subject {} version {} with id {}", subject, created.version(), id);
            return created;
        });
    }

    /** Finds the version of the subject that holds this schema. */
    public SchemaVersion lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        AvroSchemaParser.ParsedSchema parsed = parser.parse(request);
        if (state.versions(subject, includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return state.find(subject, parsed.canonical(), includeDeleted)
                .orElseThrow(() -> RegistryException.schemaNotFound("no such schema in subject '" + subject + "'"));
    }

    public String schemaById(int id) {
        return state.schema(id).orElseThrow(() -> RegistryException.schemaNotFound("id " + id));
    }

    /** The subject versions that use the id. */
    public List<SchemaVersion> usagesOf(int id, boolean includeDeleted) {
        schemaById(id);
        return state.usages(id, includeDeleted);
    }

    public List<String> subjects(boolean includeDeleted) {
        return state.subjects(includeDeleted);
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SchemaVersion::version).toList();
    }

    /** One version of the subject; {@code latest} is the newest live one. */
    public SchemaVersion version(String subject, VersionId versionId, boolean includeDeleted) {
        if (state.versions(subject, includeDeleted).isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (versionId.isLatest()) {
            List<SchemaVersion> versions = state.versions(subject, includeDeleted);
            return versions.get(versions.size() - 1);
        }
        return state.version(subject, versionId.number().getAsInt())
                .filter(v -> includeDeleted || !v.deleted())
                .orElseThrow(() -> RegistryException.versionNotFound(subject, versionId.toString()));
    }

    /** Soft-deletes every live version, or with {@code permanent} removes already soft-deleted ones for good. */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return underWriteLock(() -> {
            List<SchemaVersion> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<Integer> live = all.stream().filter(v -> !v.deleted()).map(SchemaVersion::version).toList();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw RegistryException.subjectNotSoftDeleted(subject);
                }
                for (SchemaVersion version : all) {
                    schemaLog.append(codec.schemaKey(subject, version.version()), null);
                }
                log.info("Permanently deleted subject {} versions {}", subject, all.size());
                return all.stream().map(SchemaVersion::version).toList();
            }
            if (live.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            int highest = all.get(all.size() - 1).version();
            schemaLog.append(codec.deleteSubjectKey(subject), codec.deleteSubjectValue(subject, highest));
            log.info("Soft-deleted subject {} versions {}", subject, live);
            return live;
        });
    }

    /**
     * Tests the schema against one version (or, for {@code latest}, as registration would) and returns the
     * problems; empty means compatible.
     */
    public List<String> testCompatibility(String subject, VersionId versionId, SchemaRequest request) {
        AvroSchemaParser.ParsedSchema parsed = parser.parse(request);
        CompatibilityLevel level = state.effectiveLevel(subject);
        List<SchemaVersion> live = state.versions(subject, false);
        if (versionId.isLatest()) {
            return checker.check(level, parsed.schema(), live);
        }
        if (live.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        SchemaVersion against = version(subject, versionId, false);
        return checker.check(level, parsed.schema(), List.of(against));
    }

    public CompatibilityLevel globalLevel() {
        return state.globalLevel();
    }

    /** The subject's own level; with {@code defaultToGlobal} the global one when it has none. */
    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        return state.subjectLevel(subject).orElseGet(() -> {
            if (defaultToGlobal) {
                return state.globalLevel();
            }
            throw RegistryException.subjectConfigNotFound(subject);
        });
    }

    /** Sets the level for one subject, or the global level when {@code subject} is null. */
    public CompatibilityLevel setLevel(String subject, CompatibilityLevel level) {
        return underWriteLock(() -> {
            schemaLog.append(codec.configKey(subject), codec.configValue(level));
            log.info("Compatibility of {} set to {}", subject == null ? "global" : subject, level);
            return level;
        });
    }

    private <T> T underWriteLock(java.util.function.Supplier<T> write) {
        boolean locked;
        try {
            locked = writeLock.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.internal("interrupted while waiting for the write lock", e);
        }
        if (!locked) {
            throw RegistryException.internal("timed out after " + lockTimeout + " waiting for another write", null);
        }
        try {
            return write.get();
        } finally {
            writeLock.unlock();
        }
    }
}
