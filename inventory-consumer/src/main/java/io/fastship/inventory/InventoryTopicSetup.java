package io.fastship.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.fastship.platform.kafka.TopicInitializer;
import io.fastship.schemas.Topic;
import io.fastship.schemas.TopicSettings;
import io.fastship.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics the service needs and refuses to start when an input pair is not co-partitioned: the
 * line results must have as many partitions as the orders, the line commands as many as the stock topic,
 * or a key would be decided by two tasks.
 */
final class InventoryTopicSetup {

    private static final int METADATA_ATTEMPTS = 50;
    private static final Duration METADATA_BACKOFF = Duration.ofMillis(100);

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
        untilKnown(() -> initializer.ensure(shared));

        Map<String, Integer> counts = untilKnown(() -> partitionCounts(
                Set.of(topics.orders(), topics.orderStatus(), topics.stock())));
        List<TopicInitializer.Spec> internal = List.of(
                new TopicInitializer.Spec(topics.lineResults(), internal(counts.get(topics.orders()))),
                new TopicInitializer.Spec(topics.lineCommands(), internal(counts.get(topics.stock()))));
        untilKnown(() -> initializer.ensure(internal));
        requireCoPartitioned(topics);
    }

    void requireCoPartitioned(InventoryTopics topics) {
        Map<String, Integer> counts = untilKnown(() -> partitionCounts(Set.of(topics.orders(), topics.orderStatus(),
                topics.lineResults(), topics.stock(), topics.lineCommands())));
        requireEqual(counts, topics.orders(), topics.orderStatus());
        requireEqual(counts, topics.orders(), topics.lineResults());
        requireEqual(counts, topics.stock(), topics.lineCommands());
    }

    /**
     * A topic that was just created may be unknown to the broker that answers the next describe for a moment
     * (metadata propagates asynchronously); ask again a bounded number of times.
     */
    private static <T> T untilKnown(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (IllegalStateException e) {
                if (attempt >= METADATA_ATTEMPTS || !(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                try {
                    Thread.sleep(METADATA_BACKOFF.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
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

    private Map<String, Integer> partitionCounts(Set<String> names) {
        try {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return descriptions.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().partitions().size()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe topics " + names + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("describing topics took longer than " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics", e);
        }
    }
}
