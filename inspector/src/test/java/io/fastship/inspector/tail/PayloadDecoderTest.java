package io.fastship.inspector.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastship.schemas.serde.ConfluentWireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

class PayloadDecoderTest {

    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "Sample", "namespace": "test", "fields": [
              {"name": "id", "type": "string"},
              {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["NEW", "DONE"]}},
              {"name": "reason", "type": ["null", "string"], "default": null},
              {"name": "nested", "type": ["null", {"type": "record", "name": "Inner", "fields": [
                {"name": "n", "type": "int"}]}], "default": null},
              {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
              {"name": "tags", "type": {"type": "array", "items": "string"}},
              {"name": "attrs", "type": {"type": "map", "values": "long"}},
              {"name": "raw", "type": "bytes"},
              {"name": "ratio", "type": "double"},
              {"name": "ok", "type": "boolean"}
            ]}""");
    private static final int ID = 42;

    private final AtomicInteger lookups = new AtomicInteger();
    private final PayloadDecoder decoder = new PayloadDecoder(id -> {
        lookups.incrementAndGet();
        if (id == ID) {
            return SCHEMA;
        }
        throw new IllegalStateException("Schema " + id + " not found (HTTP 404, error_code 40403)");
    });

    @Test
    void shouldDecodeConfluentAvroToReadableJson() throws IOException {
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        GenericRecord record = sample(at, "late", 7);

        Decoded decoded = decoder.decode(framed(ID, record, SCHEMA));

        assertThat(decoded.format()).isEqualTo(Decoded.Format.AVRO);
        assertThat(decoded.schemaId()).isEqualTo(ID);
        assertThat(decoded.error()).isNull();
        // Compared as text: Jackson's node equality tells int from long nodes, and 12.5 from 12.50; JSON does not.
        assertThat(decoded.json().toString()).isEqualTo("{\"id\":\"o-1\",\"at\":\"2026-03-01T10:15:30.123Z\","
                + "\"day\":\"2026-03-01\",\"status\":\"DONE\",\"reason\":\"late\",\"nested\":{\"n\":7},"
                + "\"amount\":12.50,\"tags\":[\"a\",\"b\"],\"attrs\":{\"k\":3},\"raw\":\"00ff\",\"ratio\":0.5,"
                + "\"ok\":true}");
        assertThat(decoded.json().get("amount").decimalValue()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void shouldUnwrapNullBranchesOfUnionsToJsonNull() throws IOException {
        Decoded decoded = decoder.decode(framed(ID, sample(Instant.EPOCH, null, null), SCHEMA));

        assertThat(decoded.json().get("reason").isNull()).isTrue();
        assertThat(decoded.json().get("nested").isNull()).isTrue();
        assertThat(decoded.json().get("at").asText()).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void shouldShowUtf8TextAsAString() {
        Decoded decoded = decoder.decode("order-1 → ok\n".getBytes(StandardCharsets.UTF_8));

        assertThat(decoded.format()).isEqualTo(Decoded.Format.TEXT);
        assertThat(decoded.json().asText()).isEqualTo("order-1 → ok\n");
        assertThat(decoded.schemaId()).isNull();
    }

    @Test
    void shouldShowInvalidUtf8AsHex() {
        Decoded decoded = decoder.decode(new byte[] {(byte) 0xc3, (byte) 0x28, 0x41});

        assertThat(decoded.format()).isEqualTo(Decoded.Format.HEX);
        assertThat(decoded.json().asText()).isEqualTo("c32841");
    }

    @Test
    void shouldShowControlBytesAsHexEvenWhenTheyAreValidUtf8() {
        Decoded decoded = decoder.decode(new byte[] {0x01, 0x02, 0x41});

        assertThat(decoded.format()).isEqualTo(Decoded.Format.HEX);
        assertThat(decoded.json().asText()).isEqualTo("010241");
    }

    @Test
    void shouldTreatShortPayloadsWithMagicByteAsBytesNotAvro() {
        Decoded decoded = decoder.decode(new byte[] {0x00, 0x01});

        assertThat(decoded.format()).isEqualTo(Decoded.Format.HEX);
        assertThat(lookups).hasValue(0);
    }

    @Test
    void shouldFallBackToHexWithTheReasonWhenTheSchemaIdIsUnknownAndAskOnlyOnce() {
        byte[] payload = {0x00, 0x00, 0x00, 0x00, 0x07, 0x02, 0x41};

        Decoded first = decoder.decode(payload);
        Decoded second = decoder.decode(payload);

        assertThat(first.format()).isEqualTo(Decoded.Format.HEX);
        assertThat(first.schemaId()).isEqualTo(7);
        assertThat(first.json().asText()).isEqualTo("00000000070241");
        assertThat(first.error()).contains("schema id 7").contains("not found");
        assertThat(second).isEqualTo(first);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void shouldReportBodiesThatDoNotMatchTheSchema() {
        byte[] truncated = {0x00, 0x00, 0x00, 0x00, (byte) ID, 0x06, 0x61};

        Decoded decoded = decoder.decode(truncated);

        assertThat(decoded.format()).isEqualTo(Decoded.Format.HEX);
        assertThat(decoded.error()).contains("schema id " + ID);
    }

    @Test
    void shouldDecodeNullAsJsonNull() {
        Decoded decoded = decoder.decode(null);

        assertThat(decoded.format()).isEqualTo(Decoded.Format.NULL);
        assertThat(decoded.json().isNull()).isTrue();
    }

    @Test
    void shouldShowTopLevelBytesSchemaBodiesAsHexWithoutLengthPrefix() {
        PayloadDecoder bytesDecoder = new PayloadDecoder(id -> Schema.create(Schema.Type.BYTES));

        Decoded decoded = bytesDecoder.decode(new byte[] {0x00, 0x00, 0x00, 0x00, 0x01, (byte) 0xab, (byte) 0xcd});

        assertThat(decoded.format()).isEqualTo(Decoded.Format.AVRO);
        assertThat(decoded.json().asText()).isEqualTo("abcd");
    }

    private static GenericRecord sample(Instant at, String reason, Integer nested) {
        GenericRecord record = new GenericData.Record(SCHEMA);
        record.put("id", "o-1");
        record.put("at", at.toEpochMilli());
        record.put("day", (int) LocalDate.of(2026, 3, 1).toEpochDay());
        record.put("status", new GenericData.EnumSymbol(SCHEMA.getField("status").schema(), "DONE"));
        record.put("reason", reason);
        if (nested != null) {
            Schema inner = SCHEMA.getField("nested").schema().getTypes().get(1);
            GenericRecord innerRecord = new GenericData.Record(inner);
            innerRecord.put("n", nested);
            record.put("nested", innerRecord);
        }
        Schema amount = SCHEMA.getField("amount").schema();
        record.put("amount", new Conversions.DecimalConversion().toBytes(new BigDecimal("12.50"), amount,
                LogicalTypes.decimal(9, 2)));
        record.put("tags", List.of("a", "b"));
        record.put("attrs", Map.of("k", 3L));
        record.put("raw", ByteBuffer.wrap(new byte[] {0x00, (byte) 0xff}));
        record.put("ratio", 0.5);
        record.put("ok", true);
        return record;
    }

    private static byte[] framed(int id, GenericRecord record, Schema schema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
