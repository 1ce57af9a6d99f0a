package io.fastship.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectNameStrategiesTest {

    private static final Schema ORDER = SchemaBuilder.record("OrderCreated").namespace("io.fastship.events").fields()
            .requiredString("id").endRecord();

    @ParameterizedTest
    @CsvSource({
            ",                                                              orders-value, orders-key",
            "TopicNameStrategy,                                             orders-value, orders-key",
            "io.confluent.kafka.serializers.subject.TopicNameStrategy,      orders-value, orders-key",
            "RecordNameStrategy,                                            io.fastship.events.OrderCreated, io.fastship.events.OrderCreated",
            "io.confluent.kafka.serializers.subject.RecordNameStrategy,     io.fastship.events.OrderCreated, io.fastship.events.OrderCreated",
            "io.fastship.schemas.serde.RecordNameStrategy,                  io.fastship.events.OrderCreated, io.fastship.events.OrderCreated",
            "TopicRecordNameStrategy,                                       orders-io.fastship.events.OrderCreated, orders-io.fastship.events.OrderCreated",
            "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy, orders-io.fastship.events.OrderCreated, orders-io.fastship.events.OrderCreated"
    })
    void namesSubjects(String configured, String valueSubject, String keySubject) {
        SubjectNameStrategy strategy = SubjectNameStrategies.resolve("value.subject.name.strategy", configured);

        assertThat(strategy.subjectName("orders", false, ORDER)).isEqualTo(valueSubject);
        assertThat(strategy.subjectName("orders", true, ORDER)).isEqualTo(keySubject);
    }

    @Test
    void acceptsAClassOrInstance() {
        assertThat(SubjectNameStrategies.resolve("k", RecordNameStrategy.class)).isInstanceOf(RecordNameStrategy.class);
        SubjectNameStrategy custom = (topic, isKey, schema) -> "fixed";
        assertThat(SubjectNameStrategies.resolve("k", custom)).isSameAs(custom);
    }

    @Test
    void unknownStrategyNamesTheKey() {
        assertThatThrownBy(() -> SubjectNameStrategies.resolve("key.subject.name.strategy", "com.acme.Nope"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key.subject.name.strategy").hasMessageContaining("com.acme.Nope");
    }

    @Test
    void aClassThatIsNoStrategyIsRejected() {
        assertThatThrownBy(() -> SubjectNameStrategies.resolve("value.subject.name.strategy", "java.lang.String"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("Does not implement");
    }

    @Test
    void recordNameNeedsANamedType() {
        assertThatThrownBy(() -> new RecordNameStrategy().subjectName("t", false, Schema.create(Schema.Type.STRING)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("named Avro type");
    }
}
