package io.fastship.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastship.schemas.registry.InMemorySchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** auto-register first; else use.latest.version; else lookup, as the spec orders them. */
class SerializerDecisionOrderTest {

    private static final Schema V1 = SchemaBuilder.record("Shipment").namespace("io.fastship.test").fields()
            .requiredString("id").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Shipment").namespace("io.fastship.test").fields()
            .optionalString("carrier").requiredString("id").endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private static GenericRecord shipment(String id) {
        GenericRecord record = new GenericData.Record(V1);
        record.put("id", id);
        return record;
    }

    private byte[] serialize(Map<String, ?> configs) {
        return new KafkaAvroSerializer<GenericRecord>(registry, configs, false).serialize("ships", shipment("s-1"));
    }

    private static int schemaId(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    @Test
    void autoRegisterIsTheDefault() {
        byte[] framed = serialize(Map.of());

        assertThat(registry.calls("register")).isEqualTo(1);
        assertThat(registry.calls("lookup") + registry.calls("getLatestVersion")).isZero();
        assertThat(registry.getLatestVersion("ships-value").id()).isEqualTo(schemaId(framed));
    }

    @Test
    void autoRegisterWinsOverUseLatestVersion() {
        registry.preRegister("ships-value", V2);

        serialize(Map.of("use.latest.version", "true"));

        assertThat(registry.calls("register")).isEqualTo(1);
        assertThat(registry.calls("getLatestVersion")).isZero();
    }

    @Test
    void useLatestVersionWhenNotAutoRegistering() {
        registry.preRegister("ships-value", V1);
        int latestId = registry.preRegister("ships-value", V2);

        byte[] framed = serialize(Map.of("auto.register.schemas", "false", "use.latest.version", "true"));

        assertThat(registry.calls("getLatestVersion")).isEqualTo(1);
        assertThat(registry.calls("register") + registry.calls("lookup")).isZero();
        assertThat(schemaId(framed)).isEqualTo(latestId);
        GenericRecord back = new KafkaAvroDeserializer<GenericRecord>(registry, Map.of(), false)
                .deserialize("ships", framed);
        assertThat(back.getSchema()).isEqualTo(V2);
        assertThat(back.get("id")).hasToString("s-1");
        assertThat(back.get("carrier")).isNull();
    }

    @Test
    void lookupWhenNeitherAutoRegisterNorLatest() {
        int id = registry.preRegister("ships-value", V1);

        byte[] framed = serialize(Map.of("auto.register.schemas", false));

        assertThat(registry.calls("lookup")).isEqualTo(1);
        assertThat(registry.calls("register") + registry.calls("getLatestVersion")).isZero();
        assertThat(schemaId(framed)).isEqualTo(id);
    }

    @Test
    void lookupOfAnUnregisteredSchemaFailsNamingTheSubject() {
        assertThatThrownBy(() -> serialize(Map.of("auto.register.schemas", "false")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ships-value").hasMessageContaining("not found");
        assertThat(registry.calls("register")).isZero();
    }

    @Test
    void subjectNameStrategyIsApplied() {
        new KafkaAvroSerializer<GenericRecord>(registry, Map.of(
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"), false)
                .serialize("ships", shipment("x"));

        assertThat(registry.getSubjects()).containsExactly("ships-io.fastship.test.Shipment");
    }
}
