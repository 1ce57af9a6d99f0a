package io.fastship.platform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** How a poll is cut into tasks and which of them the batch deadline must not skip. */
class TaskPlanTest {

    private static final List<String> TOPICS = List.of("orders", "status");

    @Test
    void perKeyGroupsRecordsOfOneKeyAcrossCoPartitionedTopicsInSubscriptionThenOffsetOrder() {
        ConsumerRecords<String, byte[]> poll = poll(
                record("status", 0, 7, "a"), record("orders", 0, 3, "a"), record("orders", 0, 4, "b"),
                record("orders", 0, 5, "a"), record("orders", 1, 9, "a"));

        TaskPlan plan = TaskPlan.of(poll, TaskGrouping.PER_KEY, TOPICS);

        assertThat(plan.tasks()).extracting(TaskPlanTest::describe).containsExactly(
                List.of("orders-0@3", "orders-0@5", "status-0@7"), List.of("orders-0@4"), List.of("orders-1@9"));
    }

    @Test
    void perPartitionNumberKeepsTheFormerTasks() {
        ConsumerRecords<String, byte[]> poll = poll(record("orders", 0, 3, "a"), record("orders", 0, 4, "b"),
                record("status", 0, 1, "c"), record("orders", 1, 0, "d"));

        TaskPlan plan = TaskPlan.of(poll, TaskGrouping.PER_PARTITION_NUMBER, TOPICS);

        assertThat(plan.tasks()).extracting(TaskPlanTest::describe).containsExactly(
                List.of("orders-0@3", "orders-0@4", "status-0@1"), List.of("orders-1@0"));
        assertThat(plan.mustRun()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void recordsWithoutAKeyStayInOneTaskPerPartitionNumber() {
        ConsumerRecords<String, byte[]> poll = poll(record("orders", 0, 0, null), record("orders", 0, 1, "a"),
                record("orders", 0, 2, null));

        TaskPlan plan = TaskPlan.of(poll, TaskGrouping.PER_KEY, TOPICS);

        assertThat(plan.tasks()).extracting(TaskPlanTest::describe).containsExactly(
                List.of("orders-0@0", "orders-0@2"), List.of("orders-0@1"));
    }

    @Test
    void mustRunTheHeadOfEveryPartitionAndEveryTaskItsCommitDependsOn() {
        // a@0 and a@3 interleave with b@1: committing a's work needs b's, and b needs nothing after it.
        ConsumerRecords<String, byte[]> poll = poll(record("orders", 0, 0, "a"), record("orders", 0, 1, "b"),
                record("orders", 0, 2, "c"), record("orders", 0, 3, "a"), record("orders", 0, 4, "d"),
                record("orders", 1, 10, "e"), record("orders", 1, 11, "f"));

        TaskPlan plan = TaskPlan.of(poll, TaskGrouping.PER_KEY, TOPICS);

        assertThat(plan.tasks()).extracting(TaskPlanTest::describe).containsExactly(
                List.of("orders-0@0", "orders-0@3"), List.of("orders-0@1"), List.of("orders-0@2"),
                List.of("orders-0@4"), List.of("orders-1@10"), List.of("orders-1@11"));
        assertThat(plan.mustRun()).containsExactlyInAnyOrder(0, 1, 2, 4);
    }

    @Test
    void dependenciesFollowAKeyIntoItsCoPartitionedTopic() {
        // Key a is the head of orders-0, and its status record comes after b's in status-0.
        ConsumerRecords<String, byte[]> poll = poll(record("orders", 0, 0, "a"), record("orders", 0, 1, "c"),
                record("status", 0, 5, "b"), record("status", 0, 6, "a"), record("status", 0, 7, "d"));

        TaskPlan plan = TaskPlan.of(poll, TaskGrouping.PER_KEY, TOPICS);

        assertThat(plan.tasks()).extracting(TaskPlanTest::describe).containsExactly(
                List.of("orders-0@0", "status-0@6"), List.of("orders-0@1"), List.of("status-0@5"),
                List.of("status-0@7"));
        assertThat(plan.mustRun()).containsExactlyInAnyOrder(0, 2);
    }

    static ConsumerRecord<String, byte[]> record(String topic, int partition, long offset, String key) {
        return new ConsumerRecord<>(topic, partition, offset, key, new byte[] {(byte) offset});
    }

    static ConsumerRecords<String, byte[]> poll(ConsumerRecord<String, byte[]>... records) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    p -> new ArrayList<>()).add(record);
        }
        byPartition.values().forEach(list -> list.sort((x, y) -> Long.compare(x.offset(), y.offset())));
        return new ConsumerRecords<>(byPartition, Map.<TopicPartition, OffsetAndMetadata>of());
    }

    static List<String> describe(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> r.topic() + "-" + r.partition() + "@" + r.offset()).toList();
    }
}
