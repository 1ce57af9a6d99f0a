package io.fastship.schemas.serde;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/** The schema to read into and the data model (generic, or specific with a class's conversions). */
record ReaderChoice(Schema schema, GenericData model) {

    ReaderChoice {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(model, "model");
    }

    static ReaderChoice generic(Schema schema) {
        return new ReaderChoice(schema, GenericData.get());
    }
}
