package io.fastship.inspector.groups;

import io.fastship.inspector.output.Column;
import io.fastship.inspector.output.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a group snapshot as three fixed-width tables: the group, its members, and lag per partition. */
public final class GroupView {

    static final Table<GroupSnapshot> HEADER = new Table<>(
            Column.of("GROUP", GroupSnapshot::group),
            Column.of("TYPE", GroupSnapshot::type),
            Column.of("STATE", GroupSnapshot::state),
            Column.of("MEMBERS", s -> s.members().size()),
            Column.of("TOTAL-LAG", GroupSnapshot::totalLag),
            Column.of("COORDINATOR", GroupSnapshot::coordinator));

    static final Table<GroupMember> MEMBERS = new Table<>(
            Column.of("CLIENT-ID", GroupMember::clientId),
            Column.of("HOST", GroupMember::host),
            Column.of("PARTITIONS", m -> m.assignment().size()),
            Column.of("ASSIGNMENT", m -> assignment(m.assignment())),
            Column.of("MEMBER-ID", GroupMember::memberId));

    static final Table<PartitionLag> LAG = new Table<>(
            Column.of("TOPIC", PartitionLag::topic),
            Column.of("PARTITION", PartitionLag::partition),
            Column.of("COMMITTED", PartitionLag::committed),
            Column.of("END", PartitionLag::end),
            Column.of("LAG", PartitionLag::lag),
            Column.of("CLIENT-ID", PartitionLag::clientId));

    private GroupView() {
    }

    public static String render(GroupSnapshot snapshot) {
        return HEADER.render(List.of(snapshot)) + "\n" + MEMBERS.render(snapshot.members()) + "\n"
                + LAG.render(snapshot.partitions());
    }

    /** Compact, per topic: {@code orders[0,1,2] payments[3]}. */
    static String assignment(List<Assigned> assigned) {
        if (assigned.isEmpty()) {
            return null;
        }
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        assigned.forEach(a -> byTopic.computeIfAbsent(a.topic(), t -> new java.util.ArrayList<>()).add(a.partition()));
        return byTopic.entrySet().stream()
                .map(e -> e.getKey() + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")))
                .collect(Collectors.joining(" "));
    }
}
