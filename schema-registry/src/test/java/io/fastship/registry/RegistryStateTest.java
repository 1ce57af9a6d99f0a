package io.fastship.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryStateTest {

    private final RegistryState state = new RegistryState();

    @Test
    void shouldIndexVersionsBySubjectAndId() {
        state.apply(upsert("orders-value", 1, 1, "\"string\""));
        state.apply(upsert("orders-value", 2, 2, "\"long\""));
        state.apply(upsert("payments-value", 1, 1, "\"string\""));

        assertThat(state.subjects(false)).containsExactly("orders-value", "payments-value");
        assertThat(state.latest("orders-value")).map(SchemaVersion::version).contains(2);
        assertThat(state.schema(1)).contains("\"string\"");
        assertThat(state.usages(1, false)).extracting(SchemaVersion::subject).containsExactly("orders-value", "payments-value");
        assertThat(state.idOf("\"long\"")).hasValue(2);
        assertThat(state.nextId()).isEqualTo(3);
        assertThat(state.nextVersion("orders-value")).isEqualTo(3);
        assertThat(state.nextVersion("unknown")).isEqualTo(1);
    }

    @Test
    void shouldSoftDeleteUpToTheMarkedVersionAndKeepCountingVersions() {
        state.apply(upsert("s", 1, 1, "\"string\""));
        state.apply(upsert("s", 2, 2, "\"long\""));
        state.apply(new LogEntry.SubjectDeleted("s", 2));

        assertThat(state.subjects(false)).isEmpty();
        assertThat(state.subjects(true)).containsExactly("s");
        assertThat(state.versions("s", false)).isEmpty();
        assertThat(state.versions("s", true)).allMatch(SchemaVersion::deleted);
        assertThat(state.latest("s")).isEmpty();
        assertThat(state.nextVersion("s")).isEqualTo(3);
        // Deserializers still need soft-deleted schemas by id.
        assertThat(state.schema(2)).contains("\"long\"");
        assertThat(state.idOf("\"long\"")).hasValue(2);
    }

    @Test
    void shouldForgetTombstonedVersionsButNeverReuseTheirIds() {
        state.apply(upsert("s", 1, 1, "\"string\""));
        state.apply(upsert("other", 1, 1, "\"string\""));
        state.apply(upsert("s", 2, 2, "\"long\""));
        state.apply(new LogEntry.SchemaRemoved("s", 1));
        state.apply(new LogEntry.SchemaRemoved("s", 2));

        assertThat(state.subjects(true)).containsExactly("other");
        assertThat(state.schema(1)).as("still used by 'other'").contains("\"string\"");
        assertThat(state.schema(2)).isEmpty();
        assertThat(state.idOf("\"long\"")).isEmpty();
        assertThat(state.nextId()).isEqualTo(3);
        assertThat(state.nextVersion("s")).isEqualTo(1);
    }

    @Test
    void shouldPreferTheLowestIdWhenTheLogHoldsOneSchemaUnderTwoIds() {
        state.apply(upsert("a", 1, 4, "\"string\""));
        state.apply(upsert("b", 1, 3, "\"string\""));

        assertThat(state.idOf("\"string\"")).hasValue(3);
    }

    @Test
    void shouldFindTheLiveVersionOfASchemaBeforeADeletedOne() {
        state.apply(upsert("s", 1, 1, "\"string\""));
        state.apply(new LogEntry.SubjectDeleted("s", 1));
        state.apply(upsert("s", 2, 1, "\"string\""));

        assertThat(state.find("s", "\"string\"", false)).map(SchemaVersion::version).contains(2);
        assertThat(state.find("s", "\"string\"", true)).map(SchemaVersion::version).contains(2);
        assertThat(state.find("s", "\"long\"", true)).isEmpty();
    }

    @Test
    void shouldLetASubjectLevelOverrideTheGlobalOne() {
        assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.BACKWARD);

        state.apply(new LogEntry.ConfigSet(null, CompatibilityLevel.FULL));
        state.apply(new LogEntry.ConfigSet("s", CompatibilityLevel.NONE));

        assertThat(state.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(state.effectiveLevel("t")).isEqualTo(CompatibilityLevel.FULL);

        state.apply(new LogEntry.ConfigRemoved("s"));
        state.apply(new LogEntry.ConfigRemoved(null));

        assertThat(state.effectiveLevel("s")).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(state.subjectLevel("s")).isEmpty();
    }

    private static LogEntry upsert(String subject, int version, int id, String schema) {
        return new LogEntry.SchemaUpserted(new SchemaVersion(subject, version, id, schema, false));
    }
}
