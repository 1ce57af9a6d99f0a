package io.fastship.platform.testing;

import java.nio.file.Path;

import org.rocksdb.Options;
import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** Counts the tombstones RocksDB steps over while a scan runs, so a test can tell a scan that rereads old deletes. */
public final class RocksDbTombstones {

    private RocksDbTombstones() {
    }

    /**
     * The deleted entries RocksDB skipped while {@code scan} ran on this thread. Its perf counters are per thread,
     * whichever database they are read through, so a throwaway database in {@code probeDir} reads them.
     */
    public static long skippedBy(Path probeDir, Runnable scan) {
        try (Options options = new Options().setCreateIfMissing(true);
             RocksDB probe = RocksDB.open(options, probeDir.toString())) {
            probe.setPerfLevel(PerfLevel.ENABLE_COUNT);
            probe.getPerfContext().reset();
            scan.run();
            long skipped = probe.getPerfContext().getInternalDeleteSkippedCount();
            probe.setPerfLevel(PerfLevel.DISABLE);
            return skipped;
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open the RocksDB probe in " + probeDir, e);
        }
    }
}
