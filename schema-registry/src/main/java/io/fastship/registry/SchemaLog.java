package io.fastship.registry;

/** The append side of the schemas topic. */
interface SchemaLog {

    /**
     * Appends one record ({@code value} null for a tombstone) and returns only once the registry's own
     * reader has applied it, so a read right after a write sees the write.
     */
    void append(String key, String value);
}
