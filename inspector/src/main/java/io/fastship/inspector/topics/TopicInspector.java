package io.fastship.inspector.topics;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.Failures;
import io.fastship.inspector.InspectorException;
import io.fastship.inspector.Offsets;
import io.fastship.schemas.registry.RegisteredSchema;
import io.fastship.schemas.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Reads topic facts from the cluster (and the registry for schemas). */
public final class TopicInspector {

    private final Cluster cluster;
    private final Offsets offsets;

    public TopicInspector(Cluster cluster) {
        this.cluster = cluster;
        this.offsets = new Offsets(cluster);
    }

    /** Every topic whose name starts with the prefix, sorted by name. */
    public List<TopicSummary> summaries(String prefix, boolean includeInternal) {
        Collection<TopicListing> listings = cluster.await(
                cluster.admin().listTopics(new ListTopicsOptions().listInternal(includeInternal)).listings(),
                "listing topics");
        List<String> names = listings.stream().map(TopicListing::name).filter(name -> name.startsWith(prefix))
                .sorted().toList();
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = describe(names);
        Map<ConfigResource, Config> configs = cluster.await(cluster.admin().describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(),
                "reading topic configs");
        List<TopicPartition> partitions = descriptions.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> starts = offsets.start(partitions);
        Map<TopicPartition, Long> ends = offsets.end(partitions, IsolationLevel.READ_UNCOMMITTED);
        Optional<Map<TopicPartition, Long>> sizes = partitionSizes();
        List<TopicSummary> summaries = new ArrayList<>();
        for (String name : names) {
            TopicDescription description = descriptions.get(name);
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            long messages = 0;
            Long bytes = sizes.isPresent() ? 0L : null;
            for (TopicPartitionInfo info : description.partitions()) {
                TopicPartition tp = new TopicPartition(name, info.partition());
                messages += Math.max(0, ends.getOrDefault(tp, 0L) - starts.getOrDefault(tp, 0L));
                if (bytes != null) {
                    bytes += sizes.get().getOrDefault(tp, 0L);
                }
            }
            int replication = description.partitions().isEmpty() ? 0 : description.partitions().get(0).replicas().size();
            summaries.add(new TopicSummary(name, description.partitions().size(), replication,
                    retention(config), value(config, TopicConfig.CLEANUP_POLICY_CONFIG), messages, bytes));
        }
        return summaries;
    }

    /** Partitions, offsets and registry subjects of one topic. */
    public TopicDetails details(String topic) {
        TopicDescription description = describe(List.of(topic)).get(topic);
        List<TopicPartition> partitions = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> starts = offsets.start(partitions);
        Map<TopicPartition, Long> ends = offsets.end(partitions, IsolationLevel.READ_UNCOMMITTED);
        List<PartitionState> states = description.partitions().stream()
                .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                .map(info -> {
                    TopicPartition tp = new TopicPartition(topic, info.partition());
                    return new PartitionState(info.partition(), info.leader() == null || info.leader().isEmpty()
                            ? null : info.leader().id(), ids(info.replicas()), ids(info.isr()),
                            starts.getOrDefault(tp, 0L), ends.getOrDefault(tp, 0L));
                }).toList();
        List<SchemaSubject> subjects;
        String subjectsError = null;
        try {
            subjects = subjects(topic, states);
        } catch (RuntimeException e) {
            subjects = List.of();
            subjectsError = Failures.oneLine(e, cluster.registryUrl());
        }
        return new TopicDetails(topic, description.topicId().toString(), states, subjects, subjectsError);
    }

    /** Fails with "topic ... does not exist" when the topic is missing. */
    public Map<String, TopicDescription> describe(Collection<String> topics) {
        try {
            return cluster.await(cluster.admin().describeTopics(topics).allTopicNames(),
                    "describing " + String.join(", ", topics));
        } catch (InspectorException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new InspectorException(topics.size() == 1
                        ? "topic '" + topics.iterator().next() + "' does not exist"
                        : "a topic of " + topics + " does not exist", e);
            }
            throw e;
        }
    }

    private List<SchemaSubject> subjects(String topic, List<PartitionState> partitions) {
        SchemaRegistryClient registry = cluster.registry();
        List<String> all = registry.getSubjects();
        boolean anyCandidate = all.stream().anyMatch(s -> s.startsWith(topic + "-"));
        Set<String> recordNames = new RecordNameSampler(cluster).sample(partitions, topic);
        SubjectMatcher matcher = new SubjectMatcher(topic, recordNames);
        List<SchemaSubject> found = new ArrayList<>();
        if (!anyCandidate && recordNames.isEmpty()) {
            return found;
        }
        for (String subject : all.stream().sorted().toList()) {
            Optional<String> strategy = matcher.strategyOf(subject);
            if (strategy.isPresent()) {
                RegisteredSchema latest = registry.getLatestVersion(subject);
                found.add(new SchemaSubject(subject, strategy.get(), registry.getVersions(subject), latest.id(),
                        latest.schema().getFullName()));
            }
        }
        return found;
    }

    /** The size of one copy of each partition (the largest replica), or empty when log dirs cannot be read. */
    private Optional<Map<TopicPartition, Long>> partitionSizes() {
        try {
            Collection<Node> nodes = cluster.await(cluster.admin().describeCluster().nodes(), "describing the cluster");
            Map<Integer, Map<String, LogDirDescription>> dirs = cluster.await(cluster.admin()
                    .describeLogDirs(nodes.stream().map(Node::id).toList()).allDescriptions(), "describing log dirs");
            Map<TopicPartition, Long> sizes = new HashMap<>();
            dirs.values().forEach(byDir -> byDir.values().forEach(dir -> {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    sizes.merge(replica.getKey(), replica.getValue().size(), Math::max);
                }
            }));
            return Optional.of(sizes);
        } catch (InspectorException e) {
            // Without DESCRIBE on the cluster (or on old brokers) sizes are simply unknown.
            if (e.getCause() instanceof AuthorizationException || e.getCause() instanceof UnsupportedVersionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Long retention(Config config) {
        String value = value(config, TopicConfig.RETENTION_MS_CONFIG);
        try {
            return value == null ? null : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String value(Config config, String name) {
        if (config == null) {
            return null;
        }
        ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).collect(Collectors.toList());
    }
}
