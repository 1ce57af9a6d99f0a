package io.fastship.bench.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker(s) hold per topic at one moment, internal topics included: the sum of the partitions' end
 * offsets (records written, transaction markers included) and the bytes of their logs on disk (all replicas).
 */
public record TopicWrites(Map<String, Long> endOffsets, Map<String, Long> logBytes) {

    private static final long TIMEOUT_SECONDS = 30;

    public TopicWrites {
        endOffsets = Map.copyOf(endOffsets);
        logBytes = Map.copyOf(logBytes);
    }

    public static TopicWrites now(Admin admin) throws InterruptedException {
        try {
            Collection<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = topics.values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.merge(tp.topic(), info.offset(), Long::sum));
            List<Integer> brokers = new ArrayList<>();
            for (Node node : admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                brokers.add(node.id());
            }
            Map<String, Long> bytes = new TreeMap<>();
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values()) {
                for (LogDirDescription dir : dirs.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        bytes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                    }
                }
            }
            return new TopicWrites(offsets, bytes);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read topic offsets and log sizes: " + e.getMessage(), e);
        }
    }

    /** Per topic (and in total) what was written between two snapshots, per order. */
    public static BrokerWrites between(TopicWrites before, TopicWrites after, long orders) {
        Map<String, BrokerWrites.Topic> topics = new TreeMap<>();
        long records = 0;
        long bytes = 0;
        for (String topic : after.endOffsets().keySet()) {
            long r = after.endOffsets().get(topic) - before.endOffsets().getOrDefault(topic, 0L);
            long b = after.logBytes().getOrDefault(topic, 0L) - before.logBytes().getOrDefault(topic, 0L);
            if (r == 0 && b == 0) {
                continue;
            }
            records += r;
            bytes += b;
            topics.put(topic, new BrokerWrites.Topic(r, b, per(r, orders), per(b, orders)));
        }
        return new BrokerWrites(orders, records, bytes, per(records, orders), per(bytes, orders), topics);
    }

    private static double per(long value, long orders) {
        return orders <= 0 ? 0 : (double) value / orders;
    }
}
