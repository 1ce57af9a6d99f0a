package io.fastship.platform.state;

import java.util.function.LongSupplier;

import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A read-only view of a counted store: reads go to RocksDB's view, the entry count to the store's counter. */
final class CountedView extends ReadsDelegated {

    private final LongSupplier entries;

    CountedView(ReadOnlyKeyValueStore<Bytes, byte[]> view, LongSupplier entries) {
        super(view);
        this.entries = entries;
    }

    @Override
    public long approximateNumEntries() {
        return entries.getAsLong();
    }

    @Override
    public ReadOnlyKeyValueStore<Bytes, byte[]> readOnly(IsolationLevel isolationLevel) {
        return new CountedView(reads().readOnly(isolationLevel), entries);
    }
}
