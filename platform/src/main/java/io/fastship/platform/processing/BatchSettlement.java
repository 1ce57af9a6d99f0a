package io.fastship.platform.processing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What a processed batch may commit: per partition, the longest prefix of its offsets whose records were all
 * processed by tasks that are kept, and which tasks are kept — those whose processed records all lie in those
 * prefixes. A task is kept or dropped whole (its outputs and staged state belong to all its processed records),
 * so dropping one can shorten a prefix and drop others; that is repeated until nothing changes. Dropped work is
 * polled again from the first offset that is not committed.
 *
 * @param kept    per task (in plan order), whether its outputs go into the transaction and its state is applied
 * @param commit  per partition with progress, the offset to commit (the next record to process)
 * @param rewind  per partition with records left over, the offset to poll again from
 */
record BatchSettlement(List<Boolean> kept, Map<TopicPartition, Long> commit, Map<TopicPartition, Long> rewind) {

    /**
     * @param tasks     each task's records in processing order
     * @param processed per task, how many of its leading records were processed
     */
    static BatchSettlement of(List<List<ConsumerRecord<String, byte[]>>> tasks, List<Integer> processed) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        // The first offset of each partition that cannot be committed; absent = the whole batch of it can be.
        Map<TopicPartition, Long> cut = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            List<ConsumerRecord<String, byte[]>> records = tasks.get(t);
            int done = Math.min(processed.get(t), records.size());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                TopicPartition partition = partitionOf(record);
                first.merge(partition, record.offset(), Math::min);
                end.merge(partition, record.offset() + 1, Math::max);
                if (i >= done) {
                    cut.merge(partition, record.offset(), Math::min);
                }
            }
        }
        List<Boolean> kept = new ArrayList<>(Collections.nCopies(tasks.size(), Boolean.TRUE));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int t = 0; t < tasks.size(); t++) {
                if (kept.get(t) && reachesPast(tasks.get(t), processed.get(t), cut)) {
                    kept.set(t, Boolean.FALSE);
                    for (ConsumerRecord<String, byte[]> record : tasks.get(t)) {
                        cut.merge(partitionOf(record), record.offset(), Math::min);
                    }
                    changed = true;
                }
            }
        }
        Map<TopicPartition, Long> commit = new LinkedHashMap<>();
        Map<TopicPartition, Long> rewind = new LinkedHashMap<>();
        first.forEach((partition, offset) -> {
            long next = cut.getOrDefault(partition, end.get(partition));
            if (next > offset) {
                commit.put(partition, next);
            }
            if (cut.containsKey(partition)) {
                rewind.put(partition, next);
            }
        });
        return new BatchSettlement(List.copyOf(kept), Map.copyOf(commit), Map.copyOf(rewind));
    }

    private static boolean reachesPast(List<ConsumerRecord<String, byte[]>> records, int processed,
                                       Map<TopicPartition, Long> cut) {
        int done = Math.min(processed, records.size());
        for (int i = 0; i < done; i++) {
            Long limit = cut.get(partitionOf(records.get(i)));
            if (limit != null && records.get(i).offset() >= limit) {
                return true;
            }
        }
        return false;
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
