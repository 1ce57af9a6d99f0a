package io.fastship.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fastship.schemas.Topic;
import io.fastship.schemas.Topics;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's schema-compatibility gate: every event schema as it is now must read data written with
 * each of its released versions (BACKWARD, transitively). To release a schema change, run
 * {@code SchemaHistory.release} (see the README) and commit the new {@code vN.avsc}.
 */
class SchemaCompatibilityGateTest {

    private static final SchemaHistory HISTORY = new SchemaHistory(Path.of("src/main/schema-history"));

    static List<Topic<?>> topics() {
        return Topics.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void everyEventSchemaHasBeenReleased(Topic<?> topic) {
        assertThat(HISTORY.released(topic.valueSchema().getFullName()))
                .as("released versions of %s under src/main/schema-history", topic.valueSchema().getFullName())
                .isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void currentSchemaReadsEveryReleasedVersion(Topic<?> topic) {
        Schema current = topic.valueSchema();

        assertThat(CompatibilityGate.backwardProblems(current, HISTORY.released(current.getFullName()))).isEmpty();
    }

    @Test
    void aNewRequiredFieldFailsTheGate() {
        Schema v1 = record(SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id"));
        Schema v2 = record(SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id")
                .requiredLong("amount"));

        assertThat(CompatibilityGate.backwardProblems(v2, Map.of(1, v1)))
                .singleElement().asString()
                .contains("t.Thing cannot read v1")
                .contains("READER_FIELD_MISSING_DEFAULT")
                .contains("amount");
    }

    @Test
    void aNewOptionalFieldWithDefaultPasses() {
        Schema v1 = record(SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id"));
        Schema v2 = record(SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id")
                .optionalString("note"));

        assertThat(CompatibilityGate.backwardProblems(v2, Map.of(1, v1))).isEmpty();
    }

    @Test
    void removingAnEnumSymbolFailsAgainstAnOlderVersionThatUsedIt() {
        Schema v1 = SchemaBuilder.enumeration("Status").namespace("t").symbols("A", "B");
        Schema v2 = SchemaBuilder.enumeration("Status").namespace("t").symbols("A");
        Schema v3 = SchemaBuilder.enumeration("Status").namespace("t").symbols("A", "C");

        assertThat(CompatibilityGate.backwardProblems(v3, Map.of(1, v1, 2, v2)))
                .singleElement().asString().contains("cannot read v1").contains("MISSING_ENUM_SYMBOLS");
    }

    @Test
    void releaseWritesTheNextVersionOnlyWhenTheSchemaChanged(@TempDir Path dir) {
        SchemaHistory history = new SchemaHistory(dir);
        Schema v1 = record(SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id"));
        Schema v2 = record(SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id")
                .optionalString("note"));

        assertThat(history.release(v1)).isEqualTo(1);
        assertThat(history.release(v1)).isEqualTo(1);
        assertThat(history.release(v2)).isEqualTo(2);
        assertThat(history.released("t.Thing")).containsOnlyKeys(1, 2).containsEntry(2, v2);
    }

    private static Schema record(SchemaBuilder.FieldAssembler<Schema> fields) {
        return fields.endRecord();
    }
}
