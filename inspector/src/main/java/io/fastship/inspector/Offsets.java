package io.fastship.inspector;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Start and end offsets of partitions through the admin client, in one request per kind. */
public final class Offsets {

    private final Cluster cluster;

    public Offsets(Cluster cluster) {
        this.cluster = cluster;
    }

    /** The first offset still in the log of each partition. */
    public Map<TopicPartition, Long> start(Collection<TopicPartition> partitions) {
        return list(partitions, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * The end of each partition as a reader with this isolation sees it: the high watermark, or for
     * read_committed the last stable offset. Partitions that no longer exist are left out.
     */
    public Map<TopicPartition, Long> end(Collection<TopicPartition> partitions, IsolationLevel isolation) {
        return list(partitions, OffsetSpec.latest(), isolation);
    }

    private Map<TopicPartition, Long> list(Collection<TopicPartition> partitions, OffsetSpec spec,
            IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (request.isEmpty()) {
            return offsets;
        }
        ListOffsetsResult result = cluster.admin().listOffsets(request, new ListOffsetsOptions(isolation));
        for (TopicPartition partition : request.keySet()) {
            KafkaFuture<ListOffsetsResult.ListOffsetsResultInfo> future = result.partitionResult(partition);
            try {
                offsets.put(partition, cluster.await(future, "listing offsets").offset());
            } catch (InspectorException e) {
                // A committed offset can outlive its topic; such partitions simply have no end.
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return offsets;
    }
}
