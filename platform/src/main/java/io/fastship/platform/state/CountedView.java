package io.fastship.platform.state;

import java.util.function.LongSupplier;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A read-only view of a counted store: reads go to RocksDB's view, the entry count to the store's counter. */
final class CountedView implements ReadOnlyKeyValueStore<Bytes, byte[]> {

    private final ReadOnlyKeyValueStore<Bytes, byte[]> view;
    private final LongSupplier entries;

    CountedView(ReadOnlyKeyValueStore<Bytes, byte[]> view, LongSupplier entries) {
        this.view = view;
        this.entries = entries;
    }

    @Override
    public long approximateNumEntries() {
        return entries.getAsLong();
    }

    @Override
    public byte[] get(Bytes key) {
        return view.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return view.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return view.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return view.all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return view.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        return view.prefixScan(prefix, prefixSerializer);
    }

    @Override
    public ReadOnlyKeyValueStore<Bytes, byte[]> readOnly(IsolationLevel isolationLevel) {
        return new CountedView(view.readOnly(isolationLevel), entries);
    }
}
