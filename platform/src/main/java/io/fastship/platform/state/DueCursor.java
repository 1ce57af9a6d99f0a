package io.fastship.platform.state;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where the next scan of a time-ordered index starts: the earliest due time a live entry may still have. RocksDB
 * keeps a tombstone for every key a scan deleted until compaction reaches it, and a scan that starts at the
 * beginning steps over all of them again, so its cost grows with the run; starting here passes each one once.
 * Used by one thread (a stream task, a consumer loop); lives in memory, so a new owner starts at 0 and pays once.
 */
public final class DueCursor {

    private long from;

    /** Every live entry is due at or after this. */
    public long from() {
        return from;
    }

    /**
     * Whether a live entry may be due at {@code upToMillis}. When not, a scan must not run: its range would start
     * after its end, which RocksDB answers with an empty iterator and a warning on every call.
     */
    public boolean mayHaveDue(long upToMillis) {
        return from <= upToMillis;
    }

    /**
     * Up to {@code max} entries of {@code index} (keyed by {@link DueKeys}) due at {@code upToMillis}, oldest first,
     * read from here on; the cursor then moves past them, so the caller must remove every entry it is handed.
     */
    public <V> List<KeyValue<String, V>> takeDue(KeyValueStore<String, V> index, long upToMillis, int max) {
        if (!mayHaveDue(upToMillis)) {
            return List.of();
        }
        List<KeyValue<String, V>> due = new ArrayList<>();
        boolean complete;
        try (KeyValueIterator<String, V> range = index.range(DueKeys.from(from), DueKeys.upTo(upToMillis))) {
            while (range.hasNext() && due.size() < max) {
                due.add(range.next());
            }
            complete = !range.hasNext();
        }
        scanned(upToMillis, complete, due.isEmpty() ? 0 : DueKeys.dueOf(due.get(due.size() - 1).key));
        return due;
    }

    /** An entry due at {@code dueMillis} was added: the next scan must reach it. */
    public void added(long dueMillis) {
        from = Math.min(from, Math.max(0, dueMillis));
    }

    /**
     * A scan up to {@code upToMillis} (inclusive) removed what it read; it stopped early at an entry due at
     * {@code lastDueMillis} when {@code complete} is false, and others due then may remain.
     */
    public void scanned(long upToMillis, boolean complete, long lastDueMillis) {
        from = Math.max(from, complete ? upToMillis + 1 : lastDueMillis);
    }
}
