package io.fastship.inspector.topics;

import java.util.List;

/**
 * What {@code describe} shows about one topic.
 *
 * @param subjectsError why the subjects are missing (registry unreachable), or null
 */
public record TopicDetails(String topic, String topicId, List<PartitionState> partitions,
                           List<SchemaSubject> subjects, String subjectsError) {
}
