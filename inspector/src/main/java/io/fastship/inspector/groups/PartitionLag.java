package io.fastship.inspector.groups;

/**
 * Progress of a group on one partition.
 *
 * @param committed the group's committed offset, or null if it never committed there
 * @param end       the last stable offset (what read_committed consumers can reach), or null if the topic is gone
 * @param lag       end minus committed, or null when either is unknown
 * @param memberId  the member that owns the partition now, or null
 */
public record PartitionLag(String topic, int partition, Long committed, Long end, Long lag, String memberId,
                           String clientId) {
}
