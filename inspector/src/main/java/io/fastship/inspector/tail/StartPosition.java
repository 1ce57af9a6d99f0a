package io.fastship.inspector.tail;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * Where {@code tail} begins in each partition; always inside the partition's [start, end].
 *
 * @param fromBeginning read everything still in the log
 * @param offset        begin at this offset in every chosen partition, or null
 * @param since         begin at the first record at or after this time, or null
 * @param last          otherwise: the last this-many offsets of each partition
 */
public record StartPosition(boolean fromBeginning, Long offset, Instant since, long last) {

    /**
     * @param timeLookup the first offset at or after the time per partition (null entries: no such record)
     */
    public Map<TopicPartition, Long> resolve(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends,
            Function<Instant, Map<TopicPartition, Long>> timeLookup) {
        Map<TopicPartition, Long> byTime = since == null ? Map.of() : timeLookup.apply(since);
        Map<TopicPartition, Long> positions = new HashMap<>();
        starts.forEach((partition, start) -> {
            long end = ends.get(partition);
            long wanted;
            if (fromBeginning) {
                wanted = start;
            } else if (offset != null) {
                wanted = offset;
            } else if (since != null) {
                Long found = byTime.get(partition);
                wanted = found == null ? end : found;
            } else {
                wanted = end - last;
            }
            positions.put(partition, Math.max(start, Math.min(end, wanted)));
        });
        return positions;
    }
}
