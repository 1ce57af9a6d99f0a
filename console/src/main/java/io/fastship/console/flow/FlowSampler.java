package io.fastship.console.flow;

import io.fastship.console.ConsoleSettings;
import io.fastship.inspector.Cluster;
import io.fastship.inspector.InspectorException;
import io.fastship.inspector.Offsets;
import io.fastship.inspector.groups.GroupInspector;
import io.fastship.inspector.groups.GroupSnapshot;
import io.fastship.inspector.groups.GroupSummary;
import io.fastship.inspector.groups.PartitionLag;
import io.fastship.inspector.topics.TopicInspector;
import io.fastship.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Takes flow snapshots: end offsets of the flow's topics and committed offsets of every group, turned into
 * rates against the previous snapshot. Groups and topic names come from the inspector.
 */
public final class FlowSampler {

    /** Topics in the order the flow touches them, with the role the diagram places them in. */
    static final List<String[]> FLOW = List.of(
            new String[] {Topics.ORDERS.name(), "intake"},
            new String[] {Topics.PAYMENTS.name(), "outcome"},
            new String[] {Topics.INVENTORY.name(), "outcome"},
            new String[] {Topics.ORDER_STATUS.name(), "status"},
            new String[] {Topics.STOCK.name(), "reference"});
    private static final int MAX_GROUPS = 30;

    private final Cluster cluster;
    private final ConsoleSettings settings;
    private final TopicInspector topics;
    private final GroupInspector groups;
    private final Offsets offsets;
    private Sample previous;

    public FlowSampler(Cluster cluster, ConsoleSettings settings) {
        this.cluster = cluster;
        this.settings = settings;
        this.topics = new TopicInspector(cluster);
        this.groups = new GroupInspector(cluster);
        this.offsets = new Offsets(cluster);
    }

    public synchronized FlowSnapshot sample() {
        long now = System.nanoTime();
        Set<String> existing = cluster.await(cluster.admin().listTopics().names(), "listing topics");
        List<String> names = FLOW.stream().map(f -> settings.named(f[0])).filter(existing::contains).toList();
        Map<String, TopicDescription> described = names.isEmpty() ? Map.of() : topics.describe(names);
        List<TopicPartition> partitions = described.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> ends = offsets.end(partitions, IsolationLevel.READ_UNCOMMITTED);
        Map<String, Long> endByTopic = new HashMap<>();
        ends.forEach((tp, end) -> endByTopic.merge(tp.topic(), end, Long::sum));
        Map<String, Long> committedByGroupTopic = new HashMap<>();
        List<FlowSnapshot.GroupFlow> groupFlows = groupFlows(committedByGroupTopic, now);
        List<FlowSnapshot.TopicFlow> topicFlows = new ArrayList<>();
        for (String[] flow : FLOW) {
            String name = settings.named(flow[0]);
            TopicDescription description = described.get(name);
            long end = endByTopic.getOrDefault(name, 0L);
            topicFlows.add(new FlowSnapshot.TopicFlow(name, flow[1], description != null,
                    description == null ? 0 : description.partitions().size(), end,
                    rate(previous == null ? null : previous.ends().get(name), end, now)));
        }
        previous = new Sample(now, endByTopic, committedByGroupTopic);
        return new FlowSnapshot(Instant.now().toString(), topicFlows, groupFlows);
    }

    private List<FlowSnapshot.GroupFlow> groupFlows(Map<String, Long> committedByGroupTopic, long now) {
        List<FlowSnapshot.GroupFlow> flows = new ArrayList<>();
        for (GroupSummary summary : groups.summaries(settings.namespace())) {
            if (summary.members() == null || flows.size() >= MAX_GROUPS) {
                continue;
            }
            GroupSnapshot snapshot;
            try {
                snapshot = groups.snapshot(summary.group());
            } catch (InspectorException e) {
                continue; // gone between listing and describing
            }
            Map<String, Long> lagByTopic = new LinkedHashMap<>();
            Map<String, Long> committed = new LinkedHashMap<>();
            for (PartitionLag lag : snapshot.partitions()) {
                lagByTopic.merge(lag.topic(), lag.lag() == null ? 0 : lag.lag(), Long::sum);
                if (lag.committed() != null) {
                    committed.merge(lag.topic(), lag.committed(), Long::sum);
                }
            }
            Map<String, Double> out = new LinkedHashMap<>();
            committed.forEach((topic, value) -> {
                String key = snapshot.group() + "/" + topic;
                committedByGroupTopic.put(key, value);
                out.put(topic, rate(previous == null ? null : previous.committed().get(key), value, now));
            });
            List<FlowSnapshot.Member> members = snapshot.members().stream()
                    .map(m -> new FlowSnapshot.Member(m.clientId(), m.host(), m.assignment().size())).toList();
            flows.add(new FlowSnapshot.GroupFlow(snapshot.group(), snapshot.type(), snapshot.state(), members,
                    snapshot.totalLag(), out, lagByTopic));
        }
        return flows;
    }

    private Double rate(Long before, long after, long now) {
        if (before == null || previous == null) {
            return null;
        }
        double seconds = (now - previous.at()) / 1e9;
        return seconds <= 0 ? null : Math.max(0, after - before) / seconds;
    }

    private record Sample(long at, Map<String, Long> ends, Map<String, Long> committed) {
    }
}
