package io.fastship.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/** Encodes a value as a Confluent-framed Avro payload; thread-safe, reusing one datum writer per schema and class. */
final class AvroPayloadWriter {

    private final ConcurrentMap<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    byte[] write(int schemaId, Schema writerSchema, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        ConfluentWireFormat.writeHeader(out, schemaId);
        if (writerSchema.getType() == Schema.Type.BYTES) {
            // The wire format writes a top-level bytes value raw, without Avro's length prefix.
            out.writeBytes(rawBytes(value));
            return out.toByteArray();
        }
        try {
            Object datum = conform(writerSchema, value);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(writerSchema, datum).write(datum, encoder);
            encoder.flush();
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Cannot encode " + value.getClass().getName() + " with Avro schema "
                    + writerSchema.getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * Avro writers pick record fields by position in the writer schema, so a record built for another schema
     * (possible with use.latest.version) is first resolved into the writer schema's layout.
     */
    private Object conform(Schema writerSchema, Object value) throws IOException {
        if (!(value instanceof GenericContainer container) || container.getSchema().equals(writerSchema)) {
            return value;
        }
        Schema own = container.getSchema();
        ByteArrayOutputStream scratch = new ByteArrayOutputStream(128);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(scratch, null);
        writerFor(own, value).write(value, encoder);
        encoder.flush();
        GenericDatumReader<Object> resolver = new GenericDatumReader<>(own, writerSchema, GenericData.get());
        return resolver.read(null, DecoderFactory.get().binaryDecoder(scratch.toByteArray(), null));
    }

    private DatumWriter<Object> writerFor(Schema schema, Object datum) {
        Class<?> specificType = datum instanceof SpecificRecord ? datum.getClass() : null;
        return writers.computeIfAbsent(new WriterKey(schema, specificType), key -> key.specificType() == null
                ? new GenericDatumWriter<>(schema, GenericData.get())
                // The class's own model carries its logical-type conversions (e.g. decimals).
                : new SpecificDatumWriter<>(schema, SpecificData.getForClass(key.specificType())));
    }

    private static byte[] rawBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer view = buffer.duplicate();
            byte[] bytes = new byte[view.remaining()];
            view.get(bytes);
            return bytes;
        }
        throw new SerializationException("A bytes schema needs a byte[] or ByteBuffer value, not "
                + value.getClass().getName());
    }

    private record WriterKey(Schema schema, Class<?> specificType) {
    }
}
