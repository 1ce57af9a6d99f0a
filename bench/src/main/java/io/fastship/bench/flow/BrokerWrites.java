package io.fastship.bench.flow;

import java.util.Map;

/**
 * Records and bytes the broker(s) wrote during a phase, from end offsets and log sizes before and after; bytes
 * are on disk, so compaction or segment deletion inside the window can make a topic's figure smaller.
 */
public record BrokerWrites(long orders, long records, long bytes, double recordsPerOrder, double bytesPerOrder,
                           Map<String, Topic> topics) {

    /** One topic's share. */
    public record Topic(long records, long bytes, double recordsPerOrder, double bytesPerOrder) {
    }

    public BrokerWrites {
        topics = Map.copyOf(topics);
    }
}
