package io.fastship.schemas.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/** {@code <namespace.Name>}: one lineage per record type, shared by every topic carrying it. */
public final class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return fullName(schema, getClass().getSimpleName());
    }

    static String fullName(Schema schema, String strategy) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> throw new SerializationException(
                    strategy + " needs a named Avro type (record, enum or fixed), not " + schema.getType());
        };
    }
}
