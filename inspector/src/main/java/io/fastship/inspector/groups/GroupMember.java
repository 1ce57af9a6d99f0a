package io.fastship.inspector.groups;

import java.util.List;

/** A live member of a group and the partitions it owns now. */
public record GroupMember(String memberId, String clientId, String host, List<Assigned> assignment) {
}
