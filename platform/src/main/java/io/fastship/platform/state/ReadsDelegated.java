package io.fastship.platform.state;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The reads of a byte store, passed to another; subclasses decide what the entry count is. */
abstract class ReadsDelegated implements ReadOnlyKeyValueStore<Bytes, byte[]> {

    private final ReadOnlyKeyValueStore<Bytes, byte[]> reads;

    ReadsDelegated(ReadOnlyKeyValueStore<Bytes, byte[]> reads) {
        this.reads = reads;
    }

    /** The store the reads go to. */
    final ReadOnlyKeyValueStore<Bytes, byte[]> reads() {
        return reads;
    }

    @Override
    public byte[] get(Bytes key) {
        return reads.get(key);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return reads.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return reads.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return reads.all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return reads.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixSerializer) {
        return reads.prefixScan(prefix, prefixSerializer);
    }
}
