package io.fastship.schemas.serde;

import static io.fastship.schemas.serde.WireFormatGoldenBytesTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastship.schemas.registry.CachingSchemaRegistryClient;
import io.fastship.schemas.registry.InMemorySchemaRegistryClient;
import io.fastship.schemas.registry.SchemaRegistryAuthenticationException;
import io.fastship.schemas.registry.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class KafkaAvroSerdeTest {

    private static final Schema ORDER_V1 = SchemaBuilder.record("Order").namespace("io.fastship.test").fields()
            .requiredString("id").requiredInt("qty").endRecord();
    private static final Schema ORDER_V2 = SchemaBuilder.record("Order").namespace("io.fastship.test").fields()
            .requiredString("id").requiredInt("qty").name("channel").type().stringType().stringDefault("web")
            .endRecord();

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

    private static GenericRecord order(Schema schema, String id, int qty) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("qty", qty);
        return record;
    }

    @Test
    void genericRoundTrip() {
        Serde<GenericRecord> serde = AvroSerdes.generic(registry, Map.of(), false);

        byte[] framed = serde.serializer().serialize("orders", order(ORDER_V1, "o-1", 3));
        GenericRecord back = serde.deserializer().deserialize("orders", framed);

        assertThat(back.getSchema()).isEqualTo(ORDER_V1);
        assertThat(back.get("id")).hasToString("o-1");
        assertThat(back.get("qty")).isEqualTo(3);
        assertThat(registry.getSubjects()).containsExactly("orders-value");
    }

    @Test
    void specificRoundTripWithTheFactory() {
        Serde<TestPayment> serde = AvroSerdes.specific(TestPayment.class, registry, Map.of(), false);

        byte[] framed = serde.serializer().serialize("payments", new TestPayment("p-9", 12_345L, true));
        TestPayment back = serde.deserializer().deserialize("payments", framed);

        assertThat(back).isInstanceOf(TestPayment.class);
        assertThat(back.getId()).isEqualTo("p-9");
        assertThat(back.getAmountCents()).isEqualTo(12_345L);
        assertThat(back.getCaptured()).isTrue();
    }

    @Test
    void specificAvroReaderFindsTheClassNamedByTheWriterSchema() {
        byte[] framed = new KafkaAvroSerializer<TestPayment>(registry, Map.of(), false)
                .serialize("payments", new TestPayment("p-1", 1L, false));

        Object back = new KafkaAvroDeserializer<>(registry, Map.of("specific.avro.reader", "true"), false)
                .deserialize("payments", framed);

        assertThat(back).isInstanceOf(TestPayment.class);
    }

    @Test
    void specificAvroReaderWithoutAGeneratedClassSaysSo() {
        byte[] framed = new KafkaAvroSerializer<GenericRecord>(registry, Map.of(), false)
                .serialize("orders", order(ORDER_V1, "o", 1));

        assertThatThrownBy(() -> new KafkaAvroDeserializer<>(registry, Map.of("specific.avro.reader", true), false)
                .deserialize("orders", framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("no generated class io.fastship.test.Order");
    }

    @Test
    void explicitReaderSchemaResolvesOldDataWithDefaults() {
        byte[] framed = new KafkaAvroSerializer<GenericRecord>(registry, Map.of(), false)
                .serialize("orders", order(ORDER_V1, "o-2", 5));

        GenericRecord back = new KafkaAvroDeserializer<GenericRecord>(registry,
                Map.of("avro.value.reader.schema", ORDER_V2.toString()), false).deserialize("orders", framed);

        assertThat(back.getSchema()).isEqualTo(ORDER_V2);
        assertThat(back.get("qty")).isEqualTo(5);
        assertThat(back.get("channel")).hasToString("web");
    }

    @Test
    void explicitReaderSchemaWinsOverTheConfiguredClassAndLatest() {
        registry.preRegister("orders-value", ORDER_V1);
        byte[] framed = new KafkaAvroSerializer<GenericRecord>(registry, Map.of(), false)
                .serialize("orders", order(ORDER_V1, "o", 1));
        registry.resetCalls();

        GenericRecord back = new KafkaAvroDeserializer<GenericRecord>(registry, Map.of(
                "avro.value.reader.schema", ORDER_V2,
                "use.latest.version", true), false).deserialize("orders", framed);

        assertThat(back.getSchema()).isEqualTo(ORDER_V2);
        assertThat(registry.calls("getLatestVersion")).isZero();
    }

    @Test
    void useLatestVersionReadsWithTheSubjectsNewestSchema() {
        byte[] framed = new KafkaAvroSerializer<GenericRecord>(registry, Map.of(), false)
                .serialize("orders", order(ORDER_V1, "o-3", 7));
        registry.preRegister("orders-value", ORDER_V2);

        GenericRecord back = new KafkaAvroDeserializer<GenericRecord>(registry, Map.of("use.latest.version", "true"),
                false).deserialize("orders", framed);

        assertThat(back.getSchema()).isEqualTo(ORDER_V2);
        assertThat(back.get("channel")).hasToString("web");
    }

    @Test
    void nullsPassThroughWithoutTouchingTheRegistry() {
        Serde<GenericRecord> serde = AvroSerdes.generic(registry, Map.of(), false);

        assertThat(serde.serializer().serialize("orders", null)).isNull();
        assertThat(serde.serializer().serialize("orders", new RecordHeaders(), null)).isNull();
        assertThat(serde.deserializer().deserialize("orders", null)).isNull();
        assertThat(serde.deserializer().deserialize("orders", new RecordHeaders(), (byte[]) null)).isNull();
        assertThat(registry.totalCalls()).isZero();
    }

    @Test
    void headersVariantsRoundTrip() {
        Serde<GenericRecord> serde = AvroSerdes.generic(registry, Map.of(), true);
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t".getBytes(StandardCharsets.UTF_8));

        byte[] framed = serde.serializer().serialize("orders", headers, order(ORDER_V1, "k", 1));
        GenericRecord back = serde.deserializer().deserialize("orders", headers, framed);

        assertThat(back.get("id")).hasToString("k");
        assertThat(registry.getSubjects()).containsExactly("orders-key");
    }

    @Test
    void secondSerializeAndDeserializeMakeNoRegistryCalls() {
        SchemaRegistryClient cached = new CachingSchemaRegistryClient(registry, Duration.ofMinutes(1));
        Serde<GenericRecord> serde = AvroSerdes.generic(cached, Map.of(), false);
        serde.deserializer().deserialize("orders", serde.serializer().serialize("orders", order(ORDER_V1, "a", 1)));
        registry.resetCalls();

        byte[] framed = serde.serializer().serialize("orders", order(ORDER_V1, "b", 2));
        serde.deserializer().deserialize("orders", framed);

        assertThat(registry.totalCalls()).isZero();
    }

    @Test
    void firstDeserializeOfAnotherProducersRecordFetchesTheSchemaOnce() {
        int id = registry.preRegister("orders-value", ORDER_V1);
        byte[] framed = new KafkaAvroSerializer<GenericRecord>(registry, Map.of("auto.register.schemas", false), false)
                .serialize("orders", order(ORDER_V1, "a", 1));
        KafkaAvroDeserializer<GenericRecord> deserializer = new KafkaAvroDeserializer<>(
                new CachingSchemaRegistryClient(registry, Duration.ofMinutes(1)), Map.of(), false);
        registry.resetCalls();

        deserializer.deserialize("orders", framed);
        deserializer.deserialize("orders", framed);

        assertThat(id).isEqualTo(1);
        assertThat(registry.calls("getSchemaById")).isEqualTo(1);
    }

    @Test
    void wrongMagicByteIsReportedWithTheByte() {
        KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>(registry, Map.of(), false);

        assertThatThrownBy(() -> deserializer.deserialize("orders", bytes(0x7B, 0x22, 0x69, 0x64, 0x22, 0x7D)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte").hasMessageContaining("0x7b");
    }

    @Test
    void guidMagicByteIsClearlyUnsupported() {
        KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>(registry, Map.of(), false);
        byte[] guidFramed = new byte[20];
        guidFramed[0] = 0x01;

        assertThatThrownBy(() -> deserializer.deserialize("orders", guidFramed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("0x01").hasMessageContaining("not supported");
    }

    @Test
    void schemaGuidHeaderIsClearlyUnsupported() {
        KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>(registry, Map.of(), false);
        RecordHeaders headers = new RecordHeaders();
        headers.add("__value_schema_id", new byte[17]);

        assertThatThrownBy(() -> deserializer.deserialize("orders", headers, bytes(0x02, 'x')))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("__value_schema_id").hasMessageContaining("not supported");
    }

    @Test
    void unknownSchemaIdIsNamed() {
        KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>(registry, Map.of(), false);

        assertThatThrownBy(() -> deserializer.deserialize("orders", bytes(0, 0, 0, 0x30, 0x39, 0x02, 'x')))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema id 12345 not found");
    }

    @Test
    void payloadShorterThanTheHeaderIsReported() {
        KafkaAvroDeserializer<Object> deserializer = new KafkaAvroDeserializer<>(registry, Map.of(), false);

        assertThatThrownBy(() -> deserializer.deserialize("orders", bytes(0, 0, 1)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short").hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> deserializer.deserialize("orders", new byte[0]))
                .isInstanceOf(SerializationException.class).hasMessageContaining("empty");
    }

    @Test
    void truncatedAvroBodyIsASerializationError() {
        byte[] framed = new KafkaAvroSerializer<GenericRecord>(registry, Map.of(), false)
                .serialize("orders", order(ORDER_V1, "a-long-order-id", 300));
        byte[] truncated = Arrays.copyOf(framed, framed.length - 4);

        assertThatThrownBy(() -> new KafkaAvroDeserializer<>(registry, Map.of(), false).deserialize("orders", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot decode Avro payload with schema id 1");
    }

    @Test
    void registryAuthenticationFailureIsAnAuthenticationError() {
        InMemorySchemaRegistryClient locked = new InMemorySchemaRegistryClient() {
            @Override
            public synchronized int register(String subject, Schema schema, boolean normalize) {
                throw new SchemaRegistryAuthenticationException(401, "Unauthorized");
            }
        };

        assertThatThrownBy(() -> new KafkaAvroSerializer<GenericRecord>(locked, Map.of(), false)
                .serialize("orders", order(ORDER_V1, "a", 1)))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("orders-value").hasMessageContaining("Unauthorized");
    }

    @Test
    void nonAvroValueIsRejectedClearly() {
        assertThatThrownBy(() -> new KafkaAvroSerializer<Object>(registry, Map.of(), false)
                .serialize("orders", new Object()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void primitivesRoundTripAsJavaValues() {
        Serde<Object> serde = new KafkaAvroSerde<>(registry);
        serde.configure(Map.of(), true);

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", "key-1")))
                .isEqualTo("key-1");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", 42L))).isEqualTo(42L);
    }

    @Test
    void sharedClientIsNotClosedBySerdes() {
        Serde<GenericRecord> serde = AvroSerdes.generic(registry, Map.of(), false);

        serde.close();

        assertThat(registry.isClosed()).isFalse();
    }

    @Test
    void serdeWithoutAClientNeedsTheRegistryUrl() {
        assertThatThrownBy(() -> AvroSerdes.generic(Map.of(), false))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }
}
