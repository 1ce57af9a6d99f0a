package io.fastship.inspector.groups;

import io.fastship.inspector.Cluster;
import io.fastship.inspector.InspectorException;
import io.fastship.inspector.Offsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.admin.StreamsGroupMemberAssignment;
import org.apache.kafka.clients.admin.StreamsGroupMemberDescription;
import org.apache.kafka.clients.admin.StreamsGroupSubtopologyDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Reads consumer groups through the admin client: classic groups (including Kafka Streams applications on
 * the classic protocol), KIP-848 consumer groups, and KIP-1071 streams groups.
 */
public final class GroupInspector {

    private final Cluster cluster;
    private final Offsets offsets;

    public GroupInspector(Cluster cluster) {
        this.cluster = cluster;
        this.offsets = new Offsets(cluster);
    }

    /** Every group whose id starts with the prefix, sorted, with members and lag where the type allows. */
    public List<GroupSummary> summaries(String prefix) {
        List<GroupListing> listings = listings().stream().filter(l -> l.groupId().startsWith(prefix))
                .sorted(Comparator.comparing(GroupListing::groupId)).toList();
        List<GroupSummary> summaries = new ArrayList<>();
        for (GroupListing listing : listings) {
            String protocol = listing.protocol() == null || listing.protocol().isEmpty() ? null : listing.protocol();
            String state = listing.groupState().map(Object::toString).orElse(null);
            if (!inspectable(listing)) {
                summaries.add(new GroupSummary(listing.groupId(), type(listing), protocol, state, null, null));
                continue;
            }
            try {
                GroupSnapshot snapshot = snapshot(listing);
                summaries.add(new GroupSummary(listing.groupId(), snapshot.type(), protocol, snapshot.state(),
                        snapshot.members().size(), snapshot.totalLag()));
            } catch (InspectorException e) {
                // Deleted between the listing and the describe: it is no longer there to show.
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
        return summaries;
    }

    /** The group now; fails with "group ... does not exist" when the cluster does not know it. */
    public GroupSnapshot snapshot(String group) {
        GroupListing listing = listings().stream().filter(l -> l.groupId().equals(group)).findFirst()
                .orElseThrow(() -> new InspectorException("group '" + group + "' does not exist"));
        if (listing.type().orElse(GroupType.CLASSIC) == GroupType.SHARE) {
            throw new InspectorException("group '" + group + "' is a share group; the inspector shows consumer "
                    + "and streams groups");
        }
        try {
            return snapshot(listing);
        } catch (InspectorException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                throw new InspectorException("group '" + group + "' does not exist", e);
            }
            throw e;
        }
    }

    private Collection<GroupListing> listings() {
        return cluster.await(cluster.admin().listGroups().all(), "listing groups");
    }

    private GroupSnapshot snapshot(GroupListing listing) {
        String group = listing.groupId();
        if (listing.type().orElse(GroupType.CLASSIC) == GroupType.STREAMS) {
            StreamsGroupDescription description = cluster.await(cluster.admin()
                    .describeStreamsGroups(List.of(group)).describedGroups().get(group), "describing group " + group);
            Map<TopicPartition, OffsetAndMetadata> committed = cluster.await(cluster.admin()
                    .listStreamsGroupOffsets(Map.of(group, new ListStreamsGroupOffsetsSpec()))
                    .partitionsToOffsetAndMetadata(group), "reading offsets of group " + group);
            return build(group, type(listing), String.valueOf(description.groupState()),
                    description.coordinator(), streamsMembers(description), committed);
        }
        ConsumerGroupDescription description = cluster.await(cluster.admin()
                .describeConsumerGroups(List.of(group)).describedGroups().get(group), "describing group " + group);
        Map<TopicPartition, OffsetAndMetadata> committed = cluster.await(cluster.admin()
                .listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "reading offsets of group " + group);
        List<GroupMember> members = description.members().stream()
                .map(GroupInspector::member)
                .sorted(Comparator.comparing(GroupMember::clientId).thenComparing(GroupMember::memberId))
                .toList();
        String type = description.type() == null ? type(listing) : description.type().toString().toLowerCase(Locale.ROOT);
        return build(group, type, String.valueOf(description.groupState()), description.coordinator(), members,
                committed);
    }

    private GroupSnapshot build(String group, String type, String state, Node coordinator, List<GroupMember> members,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, GroupMember> owners = new HashMap<>();
        members.forEach(m -> m.assignment().forEach(a -> owners.put(new TopicPartition(a.topic(), a.partition()), m)));
        Set<TopicPartition> partitions = new TreeSet<>(Comparator.comparing(TopicPartition::topic)
                .thenComparingInt(TopicPartition::partition));
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                partitions.add(tp);
            }
        });
        partitions.addAll(owners.keySet());
        // Lag is what a read_committed consumer can still read: up to the last stable offset.
        Map<TopicPartition, Long> ends = offsets.end(partitions, IsolationLevel.READ_COMMITTED);
        List<PartitionLag> lags = new ArrayList<>();
        long total = 0;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata commit = committed.get(tp);
            Long position = commit == null ? null : commit.offset();
            Long end = ends.get(tp);
            Long lag = position == null || end == null ? null : Math.max(0, end - position);
            total += lag == null ? 0 : lag;
            GroupMember owner = owners.get(tp);
            lags.add(new PartitionLag(tp.topic(), tp.partition(), position, end, lag,
                    owner == null ? null : owner.memberId(), owner == null ? null : owner.clientId()));
        }
        String coordinatorText = coordinator == null || coordinator.isEmpty() ? null
                : coordinator.host() + ":" + coordinator.port() + " (id " + coordinator.id() + ")";
        return new GroupSnapshot(group, type, state, coordinatorText, members, lags, total);
    }

    private static GroupMember member(MemberDescription member) {
        List<Assigned> assigned = member.assignment() == null ? List.of() : member.assignment().topicPartitions()
                .stream().map(tp -> new Assigned(tp.topic(), tp.partition()))
                .sorted(Comparator.comparing(Assigned::topic).thenComparingInt(Assigned::partition)).toList();
        return new GroupMember(member.consumerId(), member.clientId(), member.host(), assigned);
    }

    private static List<GroupMember> streamsMembers(StreamsGroupDescription description) {
        Map<String, List<String>> inputs = new HashMap<>();
        for (StreamsGroupSubtopologyDescription subtopology : description.subtopologies()) {
            List<String> topics = new ArrayList<>(subtopology.sourceTopics());
            topics.addAll(subtopology.repartitionSourceTopics().keySet());
            inputs.put(subtopology.subtopologyId(), topics);
        }
        List<GroupMember> members = new ArrayList<>();
        for (StreamsGroupMemberDescription member : description.members()) {
            Set<Assigned> assigned = new TreeSet<>(Comparator.comparing(Assigned::topic)
                    .thenComparingInt(Assigned::partition));
            StreamsGroupMemberAssignment assignment = member.assignment();
            if (assignment != null) {
                for (StreamsGroupMemberAssignment.TaskIds task : assignment.activeTasks()) {
                    for (String topic : inputs.getOrDefault(task.subtopologyId(), List.of())) {
                        task.partitions().forEach(p -> assigned.add(new Assigned(topic, p)));
                    }
                }
            }
            members.add(new GroupMember(member.memberId(), member.clientId(), member.clientHost(),
                    List.copyOf(assigned)));
        }
        members.sort(Comparator.comparing(GroupMember::clientId).thenComparing(GroupMember::memberId));
        return members;
    }

    private static boolean inspectable(GroupListing listing) {
        GroupType type = listing.type().orElse(GroupType.CLASSIC);
        if (type == GroupType.SHARE) {
            return false;
        }
        // Classic groups of other protocols (Connect workers, ...) carry no partition assignment to read.
        return type != GroupType.CLASSIC || listing.protocol() == null || listing.protocol().isEmpty()
                || Objects.equals(listing.protocol(), "consumer");
    }

    private static String type(GroupListing listing) {
        return listing.type().map(t -> t.toString().toLowerCase(Locale.ROOT)).orElse("classic");
    }
}
