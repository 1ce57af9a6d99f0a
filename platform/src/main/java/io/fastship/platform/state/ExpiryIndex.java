package io.fastship.platform.state;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * When entries of a Streams store may be deleted, kept in a second (changelogged) store keyed by {@link DueKeys}.
 * The store sorts keys by their bytes, so what is due is one range from the start, and a purge touches only that,
 * never the whole store. Entries are hints: whoever purges looks at the entry's key again and decides (it may have
 * reopened, or changed and be due later). Purges start where the last one ended ({@link DueCursor}), not at the
 * first key, so the tombstones of earlier purges are not read again.
 */
public final class ExpiryIndex {

    private final KeyValueStore<String, String> index;
    private final DueCursor cursor = new DueCursor();

    public ExpiryIndex(KeyValueStore<String, String> index) {
        this.index = index;
    }

    /** The persistent store an index named {@code name} needs. */
    public static StoreBuilder<KeyValueStore<String, String>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(CountedStores.persistent(name), Serdes.String(), Serdes.String());
    }

    /** {@code key} may be deleted from {@code dueMillis} on. */
    public void schedule(String key, long dueMillis) {
        index.put(DueKeys.of(dueMillis, key), key);
        cursor.added(dueMillis);
    }

    /**
     * Removes up to {@code max} entries due at {@code nowMillis} from the index and hands their keys to
     * {@code purge}, oldest first; returns how many. The bound keeps one punctuation short; the rest wait a tick.
     */
    public int purgeDue(long nowMillis, int max, Consumer<String> purge) {
        List<KeyValue<String, String>> due = cursor.takeDue(index, nowMillis, max);
        for (KeyValue<String, String> entry : due) {
            index.delete(entry.key);
            purge.accept(entry.value);
        }
        return due.size();
    }
}
