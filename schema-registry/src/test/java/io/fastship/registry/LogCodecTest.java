package io.fastship.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogCodecTest {

    private final LogCodec codec = new LogCodec();

    @Test
    void shouldWriteKeysAndValuesInConfluentsLayout() {
        assertThat(codec.schemaKey("orders-value", 3))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":3,\"magic\":1}");
        assertThat(codec.schemaValue(new SchemaVersion("orders-value", 3, 7, "\"string\"", false)))
                .isEqualTo("{\"subject\":\"orders-value\",\"version\":3,\"id\":7,\"schemaType\":\"AVRO\","
                        + "\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
        assertThat(codec.configKey(null)).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(codec.configKey("orders-value"))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"orders-value\",\"magic\":0}");
        assertThat(codec.configValue(CompatibilityLevel.FULL)).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(codec.deleteSubjectKey("orders-value"))
                .isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"orders-value\",\"magic\":0}");
        assertThat(codec.deleteSubjectValue("orders-value", 2)).isEqualTo("{\"subject\":\"orders-value\",\"version\":2}");
    }

    @Test
    void shouldReadBackWhatItWrites() {
        SchemaVersion version = new SchemaVersion("a.b-c", 2, 5, "\"long\"", true);

        assertThat(codec.decode(codec.schemaKey("a.b-c", 2), codec.schemaValue(version)))
                .contains(new LogEntry.SchemaUpserted(version));
        assertThat(codec.decode(codec.schemaKey("a.b-c", 2), null)).contains(new LogEntry.SchemaRemoved("a.b-c", 2));
        assertThat(codec.decode(codec.configKey(null), codec.configValue(CompatibilityLevel.NONE)))
                .contains(new LogEntry.ConfigSet(null, CompatibilityLevel.NONE));
        assertThat(codec.decode(codec.configKey("s"), null)).contains(new LogEntry.ConfigRemoved("s"));
        assertThat(codec.decode(codec.deleteSubjectKey("s"), codec.deleteSubjectValue("s", 4)))
                .contains(new LogEntry.SubjectDeleted("s", 4));
    }

    @Test
    void shouldReadRecordsOtherRegistriesWrite() {
        // Confluent leaves schemaType out for Avro and uses magic 0 in older releases.
        assertThat(codec.decode("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":0}",
                "{\"subject\":\"s\",\"version\":1,\"id\":9,\"schema\":\"\\\"int\\\"\",\"deleted\":false,\"extra\":1}"))
                .contains(new LogEntry.SchemaUpserted(new SchemaVersion("s", 1, 9, "\"int\"", false)));
    }

    @Test
    void shouldSkipRecordsItDoesNotUnderstand() {
        assertThat(codec.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEmpty();
        assertThat(codec.decode("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}", "{\"mode\":\"READONLY\"}")).isEmpty();
        assertThat(codec.decode("not json", "{}")).isEmpty();
        assertThat(codec.decode(null, "{}")).isEmpty();
        assertThat(codec.decode("{\"keytype\":\"SCHEMA\",\"subject\":\"s\"}", "{}")).isEmpty();
        assertThat(codec.decode("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"s\",\"version\":1,\"id\":2,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}")).isEmpty();
        assertThat(codec.decode(codec.configKey(null), "{\"compatibilityLevel\":\"SIDEWAYS\"}")).isEmpty();
    }
}
