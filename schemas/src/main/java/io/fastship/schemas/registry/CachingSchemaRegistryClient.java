package io.fastship.schemas.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;

/**
 * A thread-safe caching decorator: once a schema's id, an id's schema or a version is known, it is
 * never fetched again; a subject's latest version is reused for a TTL.
 *
 * <p>Registering invalidates the subject's cached latest version; deleting a subject drops all it
 * knows about that subject. Closing closes the wrapped client.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient delegate;
    private final long latestTtlNanos;
    private final LongSupplier nanoClock;

    private final ConcurrentMap<String, ConcurrentMap<SchemaKey, Integer>> registeredIds = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<SchemaKey, RegisteredSchema>> lookups = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Integer, RegisteredSchema>> versions = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Expiring> latest = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl) {
        this(delegate, latestTtl, System::nanoTime);
    }

    /** With an explicit clock, so tests can move time without sleeping. */
    public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, LongSupplier nanoClock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.latestTtlNanos = latestTtl.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    public int register(String subject, Schema schema, boolean normalize) {
        SchemaKey key = new SchemaKey(schema, normalize);
        Integer known = perSubject(registeredIds, subject).get(key);
        if (known != null) {
            return known;
        }
        int id = perSubject(registeredIds, subject).computeIfAbsent(key, k -> {
            int registered = delegate.register(subject, schema, normalize);
            latest.remove(subject);
            return registered;
        });
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema, boolean normalize) {
        RegisteredSchema found = cached(perSubject(lookups, subject), new SchemaKey(schema, normalize),
                k -> delegate.lookup(subject, schema, normalize));
        remember(found);
        return found;
    }

    @Override
    public Schema getSchemaById(int id) {
        return cached(schemasById, id, delegate::getSchemaById);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        long now = nanoClock.getAsLong();
        Expiring entry = latest.get(subject);
        if (entry != null && now - entry.fetchedAtNanos() < latestTtlNanos) {
            return entry.value();
        }
        RegisteredSchema fresh = delegate.getLatestVersion(subject);
        if (latestTtlNanos > 0) {
            latest.put(subject, new Expiring(fresh, now));
        }
        remember(fresh);
        return fresh;
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        RegisteredSchema found = cached(perSubject(versions, subject), version, v -> delegate.getVersion(subject, v));
        schemasById.putIfAbsent(found.id(), found.schema());
        return found;
    }

    @Override
    public List<Integer> getVersions(String subject) {
        return delegate.getVersions(subject);
    }

    @Override
    public List<String> getSubjects() {
        return delegate.getSubjects();
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, String version, Schema schema, boolean verbose) {
        return delegate.testCompatibility(subject, version, schema, verbose);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        try {
            return delegate.deleteSubject(subject, permanent);
        } finally {
            registeredIds.remove(subject);
            lookups.remove(subject);
            versions.remove(subject);
            latest.remove(subject);
        }
    }

    @Override
    public String getCompatibility(String subject) {
        return delegate.getCompatibility(subject);
    }

    @Override
    public String updateCompatibility(String subject, String level) {
        return delegate.updateCompatibility(subject, level);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Caching(" + delegate + ")";
    }

    private void remember(RegisteredSchema found) {
        schemasById.putIfAbsent(found.id(), found.schema());
        if (found.version() > 0) {
            perSubject(versions, found.subject()).putIfAbsent(found.version(), found);
        }
    }

    private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> load) {
        V value = cache.get(key);
        return value != null ? value : cache.computeIfAbsent(key, load);
    }

    private static <K, V> ConcurrentMap<K, V> perSubject(ConcurrentMap<String, ConcurrentMap<K, V>> caches,
            String subject) {
        return caches.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    }

    /** Normalized and plain registration can yield different ids, so the flag is part of the key. */
    private record SchemaKey(Schema schema, boolean normalize) {
    }

    private record Expiring(RegisteredSchema value, long fetchedAtNanos) {
    }
}
