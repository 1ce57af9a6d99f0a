package io.fastship.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.schemas.Topic;
import io.fastship.schemas.TopicSettings;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;

/**
 * Creates the topics the service needs and refuses to start when an input pair is not co-partitioned: the
 * line results must have as many partitions as the orders, the line commands as many as the stock topic,
 * or a key would be decided by two tasks.
 */
final class InventoryTopicSetup {

    private final Admin admin;
    private final Duration timeout;

    InventoryTopicSetup(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    void ensure(String namespace, InventoryTopics topics, int partitions) {
        TopicInitializer initializer = new TopicInitializer(admin, timeout);
        List<TopicInitializer.Spec> shared = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            Topic<?> named = topic.inNamespace(namespace);
            shared.add(new TopicInitializer.Spec(named.name(), named.settings().withPartitions(partitions)));
        }
        shared.add(new TopicInitializer.Spec(topics.deadLetter(), Topics.deadLetterSettings().withPartitions(partitions)));
        initializer.ensure(shared);

        Map<String, Integer> counts = initializer.partitionCounts(
                Set.of(topics.orders(), topics.orderStatus(), topics.stock()));
        List<TopicInitializer.Spec> internal = List.of(
                new TopicInitializer.Spec(topics.lineResults(), internal(counts.get(topics.orders()))),
                new TopicInitializer.Spec(topics.lineCommands(), internal(counts.get(topics.stock()))));
        initializer.ensure(internal);
        requireCoPartitioned(topics);
    }

    void requireCoPartitioned(InventoryTopics topics) {
        Map<String, Integer> counts = new TopicInitializer(admin, timeout).partitionCounts(Set.of(topics.orders(),
                topics.orderStatus(), topics.lineResults(), topics.stock(), topics.lineCommands()));
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
