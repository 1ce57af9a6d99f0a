package io.fastship.registry;

import java.util.Objects;

/** One registered version of a subject: its global id, canonical Avro text and soft-delete flag. */
record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

    public SchemaVersion {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }

    SchemaVersion markDeleted() {
        return deleted ? this : new SchemaVersion(subject, version, id, schema, true);
    }
}
