package io.fastship.bench.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The lag of every consumer group of the stack (the bench's own left out): end offset minus committed offset,
 * summed over the group's partitions. With exactly-once the transaction markers keep a few records of lag.
 */
public final class GroupLags {

    /** A group's lag and the sum of the end offsets of the partitions it reads (its input so far). */
    public record Reading(long lag, long inputEnd) {
    }

    private static final long TIMEOUT_SECONDS = 10;

    private GroupLags() {
    }

    /** Lag by group id, now; empty if the offsets cannot be read. */
    public static Map<String, Reading> now(Admin admin) throws InterruptedException {
        try {
            List<String> groups = admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(id -> !id.startsWith("bench")).sorted().toList();
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                committed.put(group, offsets);
            }
            Map<TopicPartition, OffsetSpec> wanted = committed.values().stream().flatMap(m -> m.keySet().stream())
                    .distinct().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = wanted.isEmpty() ? Map.of()
                    : admin.listOffsets(wanted).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Reading> lags = new TreeMap<>();
            committed.forEach((group, offsets) -> lags.put(group, lag(offsets, ends)));
            return lags;
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        }
    }

    static Reading lag(Map<TopicPartition, OffsetAndMetadata> committed,
                       Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends) {
        long lag = 0;
        long input = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            ListOffsetsResult.ListOffsetsResultInfo end = ends.get(entry.getKey());
            if (end != null && entry.getValue() != null) {
                lag += Math.max(0, end.offset() - entry.getValue().offset());
                input += end.offset();
            }
        }
        return new Reading(lag, input);
    }
}
