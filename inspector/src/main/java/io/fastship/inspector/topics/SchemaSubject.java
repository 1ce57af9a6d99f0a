package io.fastship.inspector.topics;

import java.util.List;

/**
 * A registry subject that holds schemas for a topic.
 *
 * @param strategy     how the subject name relates to the topic: topic-value, topic-key, topic-record or record
 * @param versions     the live versions, ascending
 * @param latestId     the global schema id of the newest version
 * @param latestSchema the full name of the newest version's schema
 */
public record SchemaSubject(String subject, String strategy, List<Integer> versions, int latestId,
                            String latestSchema) {
}
