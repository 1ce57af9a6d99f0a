package io.fastship.schemas.serde;

import org.apache.avro.Schema;

/** Chooses the registry subject a topic's keys or values are registered under. */
@FunctionalInterface
public interface SubjectNameStrategy {

    /** The subject for data with this schema written to this topic as key or value. */
    String subjectName(String topic, boolean isKey, Schema schema);
}
