package io.fastship.schemas.serde;

import org.apache.avro.Schema;

/** {@code <topic>-<namespace.Name>}: one lineage per record type per topic. */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + RecordNameStrategy.fullName(schema, getClass().getSimpleName());
    }
}
