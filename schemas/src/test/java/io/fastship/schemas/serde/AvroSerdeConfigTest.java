package io.fastship.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void defaultsFollowConfluent() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(), false);

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.normalizeSchemas()).isFalse();
        assertThat(config.specificAvroReader()).isFalse();
        assertThat(config.subjectNameStrategy()).isInstanceOf(TopicNameStrategy.class);
        assertThat(config.readerClass()).isNull();
        assertThat(config.readerSchema()).isNull();
    }

    @Test
    void keyAndValueSidesReadTheirOwnKeys() {
        Map<String, Object> configs = Map.of(
                "key.subject.name.strategy", "RecordNameStrategy",
                "value.subject.name.strategy", "TopicRecordNameStrategy",
                "specific.avro.value.type", TestPayment.class.getName(),
                "normalize.schemas", "TRUE");

        assertThat(AvroSerdeConfig.from(configs, true).subjectNameStrategy()).isInstanceOf(RecordNameStrategy.class);
        assertThat(AvroSerdeConfig.from(configs, true).readerClass()).isNull();
        AvroSerdeConfig value = AvroSerdeConfig.from(configs, false);
        assertThat(value.subjectNameStrategy()).isInstanceOf(TopicRecordNameStrategy.class);
        assertThat(value.readerClass()).isEqualTo(TestPayment.class);
        assertThat(value.normalizeSchemas()).isTrue();
    }

    @Test
    void badBooleanNamesTheKey() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("auto.register.schemas", "yes"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    }

    @Test
    void readerTypeMustBeASpecificRecord() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("specific.avro.value.type", "java.lang.String"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specific.avro.value.type")
                .hasMessageContaining("SpecificRecord");
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("specific.avro.key.type", "com.acme.Missing"), true))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specific.avro.key.type");
    }

    @Test
    void readerSchemaMustParse() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("avro.value.reader.schema", "{\"type\":\"nope\"}"), false))
                .isInstanceOf(ConfigException.class).hasMessageContaining("avro.value.reader.schema");
    }
}
