package io.fastship.platform.state;

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
