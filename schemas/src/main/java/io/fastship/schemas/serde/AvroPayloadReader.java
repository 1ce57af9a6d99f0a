package io.fastship.schemas.serde;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;

/** Decodes the Avro body of a framed payload, resolving writer to reader schema; thread-safe. */
final class AvroPayloadReader {

    private final ConcurrentMap<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    Object read(byte[] payload, int schemaId, Schema writer, ReaderChoice reader) {
        int offset = ConfluentWireFormat.HEADER_SIZE;
        if (writer.getType() == Schema.Type.BYTES && reader.schema().getType() == Schema.Type.BYTES) {
            return Arrays.copyOfRange(payload, offset, payload.length);
        }
        try {
            Object value = readerFor(writer, reader).read(null,
                    DecoderFactory.get().binaryDecoder(payload, offset, payload.length - offset, null));
            // A top-level string is more useful to callers as a String than as Avro's Utf8.
            return value instanceof Utf8 utf8 ? utf8.toString() : value;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("Cannot decode Avro payload with schema id " + schemaId + " (writer "
                    + writer.getFullName() + ", reader " + reader.schema().getFullName() + ", " + payload.length
                    + " bytes): " + e, e);
        }
    }

    private DatumReader<Object> readerFor(Schema writer, ReaderChoice reader) {
        return readers.computeIfAbsent(new ReaderKey(writer, reader.schema(), reader.model()), key ->
                key.model() instanceof SpecificData specific
                        ? new SpecificDatumReader<>(writer, reader.schema(), specific)
                        : new GenericDatumReader<>(writer, reader.schema(), key.model()));
    }

    private record ReaderKey(Schema writer, Schema reader, GenericData model) {
    }
}
