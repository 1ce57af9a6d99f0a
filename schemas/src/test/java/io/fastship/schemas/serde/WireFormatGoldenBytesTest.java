package io.fastship.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastship.schemas.registry.InMemorySchemaRegistryClient;
import io.fastship.schemas.registry.RegisteredSchema;
import io.fastship.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Expected bytes are worked out by hand from the Confluent framing (0x00, big-endian int32 id) and the Avro
 * binary spec (zigzag varint ints/longs, length-prefixed UTF-8 strings, one byte booleans, union index first).
 */
class WireFormatGoldenBytesTest {

    private static final Schema PAYMENT = SchemaBuilder.record("Payment").namespace("io.fastship.golden").fields()
            .requiredString("id")
            .requiredLong("amount")
            .requiredInt("delta")
            .requiredBoolean("ok")
            .optionalString("note")
            .endRecord();

    /** Always answers the given id, so the golden bytes can use an id with every byte distinct. */
    private static SchemaRegistryClient registryAnswering(int id, Schema schema) {
        return new InMemorySchemaRegistryClient() {
            @Override
            public synchronized int register(String subject, Schema s, boolean normalize) {
                return id;
            }

            @Override
            public synchronized Schema getSchemaById(int requested) {
                return requested == id ? schema : super.getSchemaById(requested);
            }
        };
    }

    private static GenericRecord payment(String note) {
        GenericRecord record = new GenericData.Record(PAYMENT);
        record.put("id", "ab");
        record.put("amount", 300L);
        record.put("delta", -2);
        record.put("ok", true);
        record.put("note", note);
        return record;
    }

    @Test
    void recordWithNullUnionBranch() {
        byte[] expected = bytes(
                0x00, 0x01, 0x02, 0x03, 0x04, // magic, id 16909060 big-endian
                0x04, 'a', 'b',                // "ab": length 2 zigzag -> 4
                0xD8, 0x04,                    // 300L zigzag 600 = 0b100_1011000 -> 0xD8 0x04
                0x03,                          // -2 zigzag -> 3
                0x01,                          // true
                0x00);                         // union branch 0 (null)
        try (KafkaAvroSerializer<GenericRecord> serializer =
                new KafkaAvroSerializer<>(registryAnswering(0x01020304, PAYMENT), Map.of(), false)) {
            assertThat(serializer.serialize("payments", payment(null))).containsExactly(expected);
        }
    }

    @Test
    void recordWithStringUnionBranch() {
        byte[] expected = bytes(0x00, 0x00, 0x00, 0x01, 0x00, // id 256
                0x04, 'a', 'b', 0xD8, 0x04, 0x03, 0x01,
                0x02, 0x02, 'x');                              // union branch 1, then "x"
        try (KafkaAvroSerializer<GenericRecord> serializer =
                new KafkaAvroSerializer<>(registryAnswering(256, PAYMENT), Map.of(), false)) {
            assertThat(serializer.serialize("payments", payment("x"))).containsExactly(expected);
        }
    }

    @Test
    void goldenBytesDecodeToTheRecord() {
        byte[] golden = bytes(0x00, 0x00, 0x00, 0x00, 0x2A, 0x04, 'a', 'b', 0xD8, 0x04, 0x03, 0x01, 0x02, 0x02, 'x');
        try (KafkaAvroDeserializer<GenericRecord> deserializer =
                new KafkaAvroDeserializer<>(registryAnswering(42, PAYMENT), Map.of(), false)) {
            GenericRecord record = deserializer.deserialize("payments", golden);

            assertThat(record.get("id")).hasToString("ab");
            assertThat(record.get("amount")).isEqualTo(300L);
            assertThat(record.get("delta")).isEqualTo(-2);
            assertThat(record.get("ok")).isEqualTo(true);
            assertThat(record.get("note")).hasToString("x");
        }
    }

    @Test
    void topLevelStringIsLengthPrefixed() {
        Schema string = Schema.create(Schema.Type.STRING);
        try (KafkaAvroSerializer<String> serializer =
                new KafkaAvroSerializer<>(registryAnswering(7, string), Map.of(), true)) {
            assertThat(serializer.serialize("t", "hi")).containsExactly(bytes(0, 0, 0, 0, 7, 0x04, 'h', 'i'));
        }
    }

    @Test
    void topLevelLongIsAZigzagVarint() {
        Schema longSchema = Schema.create(Schema.Type.LONG);
        try (KafkaAvroSerializer<Long> serializer =
                new KafkaAvroSerializer<>(registryAnswering(1, longSchema), Map.of(), true)) {
            assertThat(serializer.serialize("t", -65L)).containsExactly(bytes(0, 0, 0, 0, 1, 0x81, 0x01));
        }
    }

    @Test
    void topLevelBytesAreWrittenRawAndReadBackWhole() {
        Schema bytesSchema = Schema.create(Schema.Type.BYTES);
        SchemaRegistryClient registry = registryAnswering(3, bytesSchema);
        byte[] framed;
        try (KafkaAvroSerializer<byte[]> serializer = new KafkaAvroSerializer<>(registry, Map.of(), false)) {
            framed = serializer.serialize("t", bytes(0x01, 0x02, 0xFF));
        }
        assertThat(framed).containsExactly(bytes(0, 0, 0, 0, 3, 0x01, 0x02, 0xFF));

        try (KafkaAvroDeserializer<byte[]> deserializer = new KafkaAvroDeserializer<>(registry, Map.of(), false)) {
            assertThat(deserializer.deserialize("t", framed)).containsExactly(bytes(0x01, 0x02, 0xFF));
        }
    }

    @Test
    void specificRecordHasTheSameLayoutAsGeneric() {
        InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
        try (KafkaAvroSerializer<TestPayment> serializer = new KafkaAvroSerializer<>(registry, Map.of(), false)) {
            byte[] framed = serializer.serialize("p", new TestPayment("ab", 300L, false));

            RegisteredSchema registered = registry.getLatestVersion("p-value");
            assertThat(registered.id()).isEqualTo(1);
            assertThat(framed).containsExactly(bytes(0, 0, 0, 0, 1, 0x04, 'a', 'b', 0xD8, 0x04, 0x00));
        }
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
