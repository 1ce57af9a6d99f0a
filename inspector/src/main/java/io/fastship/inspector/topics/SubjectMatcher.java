package io.fastship.inspector.topics;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a registry subject belongs to a topic under one of the Confluent naming strategies.
 *
 * <p>TopicNameStrategy and TopicRecordNameStrategy subjects carry the topic name. RecordNameStrategy
 * subjects do not, so they match only when a record in the topic was written with that schema name.
 */
public final class SubjectMatcher {

    private final String topic;
    private final Set<String> recordNamesInTopic;

    public SubjectMatcher(String topic, Set<String> recordNamesInTopic) {
        this.topic = topic;
        this.recordNamesInTopic = Set.copyOf(recordNamesInTopic);
    }

    /** The strategy that ties the subject to the topic, if any. */
    public Optional<String> strategyOf(String subject) {
        if (subject.equals(topic + "-value")) {
            return Optional.of("topic-value");
        }
        if (subject.equals(topic + "-key")) {
            return Optional.of("topic-key");
        }
        if (subject.startsWith(topic + "-")) {
            String record = subject.substring(topic.length() + 1);
            // "orders-v2-value" belongs to topic "orders-v2", not to a record "v2-value" of "orders".
            boolean otherTopicsSubject = record.endsWith("-value") || record.endsWith("-key");
            if (recordNamesInTopic.contains(record) || !otherTopicsSubject && record.contains(".")) {
                return Optional.of("topic-record");
            }
        }
        if (recordNamesInTopic.contains(subject)) {
            return Optional.of("record");
        }
        return Optional.empty();
    }
}
