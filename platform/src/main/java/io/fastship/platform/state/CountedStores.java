package io.fastship.platform.state;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** Persistent (RocksDB) stores whose {@code approximateNumEntries} is an exact count of their keys. */
public final class CountedStores {

    private CountedStores() {
    }

    /** Like {@link Stores#persistentKeyValueStore(String)}, counted. */
    public static KeyValueBytesStoreSupplier persistent(String name) {
        KeyValueBytesStoreSupplier rocksDb = Stores.persistentKeyValueStore(name);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return rocksDb.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new CountingKeyValueStore(rocksDb.get());
            }

            @Override
            public String metricsScope() {
                return rocksDb.metricsScope();
            }
        };
    }
}
