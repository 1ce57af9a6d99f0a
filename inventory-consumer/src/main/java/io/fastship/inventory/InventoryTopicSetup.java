package io.fastship.inventory;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.schemas.TopicSettings;

/**
 * Creates the service's two internal topics and refuses to start when an input pair is not co-partitioned: the
 * line results must have as many partitions as the orders, the line commands as many as the stock topic, or a key
 * would be decided by two tasks.
 */
final class InventoryTopicSetup {

    private InventoryTopicSetup() {
    }

    static void ensure(TopicInitializer initializer, InventoryTopics topics) {
        Map<String, Integer> counts = initializer.partitionCounts(
                Set.of(topics.orders(), topics.orderStatus(), topics.stock()));
        initializer.ensure(List.of(
                new TopicInitializer.Spec(topics.lineResults(), internal(counts.get(topics.orders()))),
                new TopicInitializer.Spec(topics.lineCommands(), internal(counts.get(topics.stock())))));
        requireCoPartitioned(initializer, topics);
    }

    static void requireCoPartitioned(TopicInitializer initializer, InventoryTopics topics) {
        Map<String, Integer> counts = initializer.partitionCounts(Set.of(topics.orders(), topics.orderStatus(),
                topics.lineResults(), topics.stock(), topics.lineCommands()));
        requireEqual(counts, topics.orders(), topics.orderStatus());
        requireEqual(counts, topics.orders(), topics.lineResults());
        requireEqual(counts, topics.stock(), topics.lineCommands());
    }

    private static TopicSettings internal(int partitions) {
        return TopicSettings.events().withPartitions(partitions);
    }

    private static void requireEqual(Map<String, Integer> counts, String a, String b) {
        if (!counts.get(a).equals(counts.get(b))) {
            throw new IllegalStateException("topics " + a + " (" + counts.get(a) + " partitions) and " + b + " ("
                    + counts.get(b) + ") must have the same number of partitions: both are read by the same tasks");
        }
    }
}
