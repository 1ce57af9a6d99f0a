package io.fastship.platform.streams;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * One memory budget for all RocksDB stores of a process: block cache, index and filter blocks and memtables share
 * a single cache, so off-heap memory stays at {@link #TOTAL_BYTES} however many stores and partitions the process
 * holds (by default each store has its own 50 MB cache and up to 48 MB of memtables, and RSS grows with them).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** Off-heap bytes for every store of the process together. */
    public static final long TOTAL_BYTES = 64L * 1024 * 1024;
    /** The part of {@link #TOTAL_BYTES} memtables may take before the largest is flushed. */
    public static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    // Shared by every store of the process, so static; Streams creates one setter per store and never closes these.
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_AND_FILTER_SHARE);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager belong to the process, not to this store.
    }
}
