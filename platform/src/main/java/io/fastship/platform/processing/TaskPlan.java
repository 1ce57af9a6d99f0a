package io.fastship.platform.processing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * A poll cut into tasks ({@link TaskGrouping}), each task's records in processing order (topic by topic in
 * subscription order, each in offset order), tasks in the order of their first record, plus which tasks must
 * run even after the batch deadline.
 *
 * <p>Why some must run: only a prefix of each partition that is complete can be committed, and a task is committed
 * whole or not at all. The first record of every partition, and every task the commit of its task depends on (a
 * task with an earlier record in a partition it has a record in, transitively), always run, so every batch
 * advances every partition by at least one record however slow processing is, as it did when a whole partition
 * was one task.
 *
 * @param tasks   the tasks of the poll
 * @param mustRun indexes into {@code tasks} of the tasks the deadline does not skip
 */
record TaskPlan(List<List<ConsumerRecord<String, byte[]>>> tasks, Set<Integer> mustRun) {

    static TaskPlan of(ConsumerRecords<String, byte[]> records, TaskGrouping grouping, List<String> topicOrder) {
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        partitions.sort(Comparator.comparingInt((TopicPartition p) -> topicOrder.indexOf(p.topic()))
                .thenComparingInt(TopicPartition::partition));
        Map<String, List<ConsumerRecord<String, byte[]>>> byTask = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                byTask.computeIfAbsent(grouping.taskOf(record), t -> new ArrayList<>()).add(record);
            }
        }
        List<List<ConsumerRecord<String, byte[]>>> tasks = new ArrayList<>(byTask.values());
        return new TaskPlan(tasks, mustRun(tasks));
    }

    /** The tasks holding a partition's first record, closed under "has an earlier record in the same partition". */
    private static Set<Integer> mustRun(List<List<ConsumerRecord<String, byte[]>>> tasks) {
        // Per partition, its records in offset order as {offset, task index}.
        Map<TopicPartition, List<long[]>> byOffset = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            for (ConsumerRecord<String, byte[]> record : tasks.get(t)) {
                byOffset.computeIfAbsent(partitionOf(record), p -> new ArrayList<>())
                        .add(new long[] {record.offset(), t});
            }
        }
        byOffset.values().forEach(list -> list.sort(Comparator.comparingLong(entry -> entry[0])));
        // How many leading records of each partition are already known to belong to must-run tasks.
        Map<TopicPartition, Integer> covered = new HashMap<>();
        Set<Integer> mustRun = new HashSet<>();
        Deque<Integer> pending = new ArrayDeque<>();
        byOffset.values().forEach(list -> pending.add((int) list.get(0)[1]));
        while (!pending.isEmpty()) {
            int task = pending.pop();
            if (!mustRun.add(task)) {
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : tasks.get(task)) {
                TopicPartition partition = partitionOf(record);
                List<long[]> list = byOffset.get(partition);
                int index = indexOf(list, record.offset());
                int from = covered.getOrDefault(partition, 0);
                for (int i = from; i < index; i++) {
                    pending.push((int) list.get(i)[1]);
                }
                covered.put(partition, Math.max(from, index));
            }
        }
        return Set.copyOf(mustRun);
    }

    /** Position of an offset in a partition's sorted entries (offsets may have gaps: compaction, transactions). */
    private static int indexOf(List<long[]> sorted, long offset) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long value = sorted.get(mid)[0];
            if (value < offset) {
                low = mid + 1;
            } else if (value > offset) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        throw new IllegalStateException("offset " + offset + " is not in the batch");
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
