package io.fastship.console.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The last answer per key, reused while younger than the time to live: several open pages then cost the
 * cluster one set of requests per second, not one per page.
 */
public final class Memo<K, V> {

    private final Duration ttl;
    private final Function<K, V> compute;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public Memo(Duration ttl, Function<K, V> compute) {
        this.ttl = ttl;
        this.compute = compute;
    }

    public V get(K key) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.at() < ttl.toNanos()) {
            return entry.value();
        }
        synchronized (this) {
            entry = entries.get(key);
            if (entry != null && System.nanoTime() - entry.at() < ttl.toNanos()) {
                return entry.value();
            }
            V value = compute.apply(key);
            entries.put(key, new Entry<>(System.nanoTime(), value));
            if (entries.size() > 100) {
                entries.entrySet().removeIf(e -> System.nanoTime() - e.getValue().at() > ttl.toNanos());
            }
            return value;
        }
    }

    private record Entry<V>(long at, V value) {
    }
}
