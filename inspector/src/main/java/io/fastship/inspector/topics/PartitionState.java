package io.fastship.inspector.topics;

import java.util.List;

/** One partition of a topic: who leads it, who is in sync, and which offsets it holds. */
public record PartitionState(int partition, Integer leader, List<Integer> replicas, List<Integer> isr,
                             long startOffset, long endOffset) {

    /** End minus start: records plus transaction markers. */
    public long messages() {
        return Math.max(0, endOffset - startOffset);
    }
}
