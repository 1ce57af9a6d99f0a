package io.fastship.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import io.fastship.events.PaymentEvent;
import io.fastship.platform.state.DueCursor;
import io.fastship.platform.state.DueKeys;
import io.fastship.schemas.serde.AvroSerdes;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The payment outcomes of one partition on local disk (RocksDB, as Kafka Streams keeps its stores), so they take
 * no heap: {@code o|<orderId>} holds the expiry time and the event (Avro), {@code e|<expiry, 19 digits>|<orderId>}
 * indexes them by expiry, so {@link #expire} reads only what is due, from where it last stopped. A copy of the
 * changelog partition, rebuilt on every assignment: the directory is wiped on open and on close, and nothing here
 * survives a crash that the changelog does not hold. Reads may come from any thread; writes come from the loop thread only.
 */
final class OutcomeStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
        AvroSerdes.trustGenerated(PaymentEvent.class);
    }

    private static final String OUTCOME = "o|";
    private static final String EXPIRY = "e|";
    private static final long WRITE_BUFFER_BYTES = 4L * 1024 * 1024;
    private static final long BLOCK_CACHE_BYTES = 8L * 1024 * 1024;

    private final Path dir;
    private final Options options;
    private final LRUCache cache;
    private final WriteOptions writes;
    private final RocksDB db;
    private final AtomicLong entries = new AtomicLong();
    // Written and expired on the consumer loop's thread only (commits and restores run there).
    private final DueCursor expiries = new DueCursor();
    // Guards the native handle: a read racing a revocation's close gets an exception, never a crash.
    private final ReadWriteLock open = new ReentrantReadWriteLock();
    private boolean closed;

    private OutcomeStore(Path dir) throws RocksDBException {
        this.dir = dir;
        cache = new LRUCache(BLOCK_CACHE_BYTES);
        options = new Options().setCreateIfMissing(true).setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2).setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
        // No WAL: the changelog is the durable copy; a crash loses nothing the restore does not bring back.
        writes = new WriteOptions().setDisableWAL(true);
        db = RocksDB.open(options, dir.toString());
    }

    /** An empty store in {@code dir} (whatever was there is deleted). */
    static OutcomeStore open(Path dir) {
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            return new OutcomeStore(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create payment state in " + dir, e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot open payment state in " + dir + ": " + e.getMessage(), e);
        }
    }

    PaymentEvent get(String orderId) {
        open.readLock().lock();
        try {
            requireOpen();
            byte[] value = db.get(key(OUTCOME, orderId));
            return value == null ? null : decode(value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot read the payment outcome of " + orderId, e);
        } finally {
            open.readLock().unlock();
        }
    }

    /** Stores every event, each kept until {@code expiresAtMs}. */
    void putAll(Map<String, PaymentEvent> events, long expiresAtMs) {
        events.forEach((orderId, event) -> put(orderId, event, expiresAtMs));
    }

    void put(String orderId, PaymentEvent event, long expiresAtMs) {
        write(batch -> {
            byte[] outcome = key(OUTCOME, orderId);
            byte[] previous = db.get(outcome);
            if (previous == null) {
                entries.incrementAndGet();
            } else {
                batch.delete(expiryKey(expiryOf(previous), orderId));
            }
            batch.put(outcome, encode(event, expiresAtMs));
            batch.put(expiryKey(expiresAtMs, orderId), orderId.getBytes(StandardCharsets.UTF_8));
        });
        expiries.added(expiresAtMs);
    }

    void remove(String orderId) {
        write(batch -> {
            byte[] outcome = key(OUTCOME, orderId);
            byte[] previous = db.get(outcome);
            if (previous != null) {
                entries.decrementAndGet();
                batch.delete(outcome);
                batch.delete(expiryKey(expiryOf(previous), orderId));
            }
        });
    }

    /** Deletes up to {@code max} outcomes whose expiry is at or before {@code nowMs}; returns how many. */
    int expire(long nowMs, int max) {
        int[] expired = {0};
        write(batch -> {
            try (Slice upper = new Slice(expiryKey(nowMs + 1, ""));
                 ReadOptions range = new ReadOptions().setIterateUpperBound(upper);
                 RocksIterator it = db.newIterator(range)) {
                long lastDue = 0;
                for (it.seek(expiryKey(expiries.from(), "")); it.isValid() && expired[0] < max; it.next()) {
                    byte[] expiry = it.key();
                    batch.delete(expiry);
                    batch.delete(key(OUTCOME, new String(it.value(), StandardCharsets.UTF_8)));
                    lastDue = dueOf(expiry);
                    expired[0]++;
                }
                expiries.scanned(nowMs, !it.isValid(), lastDue);
            }
        });
        entries.addAndGet(-expired[0]);
        return expired[0];
    }

    long size() {
        return entries.get();
    }

    @Override
    public void close() {
        open.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            db.close();
            writes.close();
            options.close();
            cache.close();
        } finally {
            open.writeLock().unlock();
        }
        try {
            deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete payment state in " + dir, e);
        }
    }

    private interface BatchWork {
        void fill(WriteBatch batch) throws RocksDBException;
    }

    private void write(BatchWork work) {
        open.readLock().lock();
        try (WriteBatch batch = new WriteBatch()) {
            requireOpen();
            work.fill(batch);
            db.write(writes, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("cannot write payment state in " + dir + ": " + e.getMessage(), e);
        } finally {
            open.readLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the payment state in " + dir + " was closed (partition revoked)");
        }
    }

    private static byte[] key(String space, String orderId) {
        return (space + orderId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] expiryKey(long expiresAtMs, String orderId) {
        return (EXPIRY + DueKeys.of(expiresAtMs, orderId)).getBytes(StandardCharsets.UTF_8);
    }

    private static long dueOf(byte[] expiryKey) {
        return DueKeys.dueOf(new String(expiryKey, EXPIRY.length(), DueKeys.DIGITS, StandardCharsets.US_ASCII));
    }

    private static byte[] encode(PaymentEvent event, long expiresAtMs) {
        try {
            ByteBuffer avro = event.toByteBuffer();
            return ByteBuffer.allocate(Long.BYTES + avro.remaining()).putLong(expiresAtMs).put(avro).array();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the payment outcome of " + event.getOrderId(), e);
        }
    }

    private static long expiryOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }

    private static PaymentEvent decode(byte[] value) {
        try {
            return PaymentEvent.fromByteBuffer(ByteBuffer.wrap(value, Long.BYTES, value.length - Long.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a stored payment outcome", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
