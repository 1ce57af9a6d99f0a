package io.fastship.inspector.groups;

import java.util.List;

/**
 * A group at one moment: who is in it, what each member owns, and how far behind it is.
 *
 * @param type     classic, consumer (KIP-848) or streams
 * @param totalLag the sum of the known per-partition lags
 */
public record GroupSnapshot(String group, String type, String state, String coordinator, List<GroupMember> members,
                            List<PartitionLag> partitions, long totalLag) {
}
