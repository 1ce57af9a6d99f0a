package io.fastship.platform.state;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A byte store that knows exactly how many keys it holds, where RocksDB only estimates (its estimate counts every
 * overwrite until a compaction merges it, so a store of rewritten keys reads ever higher). The count is taken by one
 * scan the first time it is asked for after the store opens (a restore writes around this wrapper), then kept by
 * every write; {@link #approximateNumEntries()} answers it, here and in the read-only views queries use.
 */
final class CountingKeyValueStore extends ReadsDelegated implements KeyValueStore<Bytes, byte[]> {

    private static final long UNKNOWN = -1;

    private final KeyValueStore<Bytes, byte[]> inner;
    private long entries = UNKNOWN;

    CountingKeyValueStore(KeyValueStore<Bytes, byte[]> inner) {
        super(inner);
        this.inner = inner;
    }

    @Override
    public synchronized void init(StateStoreContext context, StateStore root) {
        entries = UNKNOWN;
        inner.init(context, root);
    }

    @Override
    public synchronized void close() {
        inner.close();
        entries = UNKNOWN;
    }

    @Override
    public synchronized void put(Bytes key, byte[] value) {
        boolean existed = entries != UNKNOWN && inner.get(key) != null;
        inner.put(key, value);
        counted(existed, value != null);
    }

    @Override
    public synchronized byte[] putIfAbsent(Bytes key, byte[] value) {
        byte[] previous = inner.putIfAbsent(key, value);
        if (previous == null) {
            counted(false, value != null);
        }
        return previous;
    }

    @Override
    public synchronized void putAll(List<KeyValue<Bytes, byte[]>> records) {
        // One write at a time: a batch may hold a key twice, and each needs to see the one before it.
        records.forEach(record -> put(record.key, record.value));
    }

    @Override
    public synchronized byte[] delete(Bytes key) {
        byte[] previous = inner.delete(key);
        counted(previous != null, false);
        return previous;
    }

    private void counted(boolean existed, boolean exists) {
        if (entries != UNKNOWN) {
            entries += (exists ? 1 : 0) - (existed ? 1 : 0);
        }
    }

    /** The exact number of keys (as of the last flush of any cache above this store). */
    @Override
    public synchronized long approximateNumEntries() {
        if (entries == UNKNOWN) {
            long scanned = 0;
            try (KeyValueIterator<Bytes, byte[]> all = inner.all()) {
                while (all.hasNext()) {
                    all.next();
                    scanned++;
                }
            }
            entries = scanned;
        }
        return entries;
    }

    @Override
    public String name() {
        return inner.name();
    }

    // Serialized with the scan: a commit writes the store's buffered writes, which the scan on another thread reads.
    @Override
    public synchronized void flush() {
        inner.flush();
    }

    @Override
    public synchronized void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public long approximateNumUncommittedBytes() {
        return inner.approximateNumUncommittedBytes();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound bound, QueryConfig config) {
        return inner.query(query, bound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    /** Interactive queries read through this view (not the store), so it must answer the count too. */
    @Override
    public ReadOnlyKeyValueStore<Bytes, byte[]> readOnly(IsolationLevel isolationLevel) {
        return new CountedView(inner.readOnly(isolationLevel), this::approximateNumEntries);
    }
}
