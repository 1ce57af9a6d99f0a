package io.fastship.chaos.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed record as the auditor read it: key, decoded value, where it sits in the log and its timestamp.
 * Offsets order records of one key (one partition); timestamps are all there is to order records across topics.
 */
public record Seen<V>(String key, V value, int partition, long offset, Instant at) {

    public Seen {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
    }

    /** A record at a time, for tests and for evidence built by hand; the log position is its order of arrival. */
    public static <V> Seen<V> at(String key, V value, long offset, Instant at) {
        return new Seen<>(key, value, 0, offset, at);
    }
}
