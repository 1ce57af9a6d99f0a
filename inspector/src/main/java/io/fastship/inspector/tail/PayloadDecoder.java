package io.fastship.inspector.tail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fastship.inspector.Failures;
import io.fastship.schemas.serde.ConfluentWireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads a record key or value: Confluent-framed Avro (magic byte 0, schema id) through the registry,
 * else UTF-8 when it is valid text, else hex. Schema lookups are cached, failures too, so an unknown id
 * or a registry that is down costs one request, not one per record.
 */
public final class PayloadDecoder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final IntFunction<Schema> schemaById;
    private final Map<Integer, Lookup> lookups = new ConcurrentHashMap<>();

    /** @param schemaById the writer schema for an id; throws when it is unknown or the registry is down */
    public PayloadDecoder(IntFunction<Schema> schemaById) {
        this.schemaById = schemaById;
    }

    public Decoded decode(byte[] payload) {
        if (payload == null) {
            return new Decoded(Decoded.Format.NULL, null, NODES.nullNode(), null);
        }
        if (payload.length >= ConfluentWireFormat.HEADER_SIZE && payload[0] == ConfluentWireFormat.MAGIC_BYTE) {
            return avro(payload);
        }
        return text(payload).map(text -> new Decoded(Decoded.Format.TEXT, null, NODES.textNode(text), null))
                .orElseGet(() -> hex(payload, null, null));
    }

    private Decoded avro(byte[] payload) {
        int id = ByteBuffer.wrap(payload, 1, Integer.BYTES).getInt();
        Lookup lookup = lookups.computeIfAbsent(id, this::lookup);
        if (lookup.schema() == null) {
            return hex(payload, id, lookup.error());
        }
        Schema schema = lookup.schema();
        int offset = ConfluentWireFormat.HEADER_SIZE;
        if (schema.getType() == Schema.Type.BYTES) {
            // A top-level bytes schema is written raw, without Avro's length prefix.
            byte[] body = Arrays.copyOfRange(payload, offset, payload.length);
            return new Decoded(Decoded.Format.AVRO, id, NODES.textNode(HexFormat.of().formatHex(body)), null);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, offset, payload.length - offset, null);
            Object datum = new GenericDatumReader<>(schema).read(null, decoder);
            if (!decoder.isEnd()) {
                return hex(payload, id, (payload.length - offset) + " bytes but schema id " + id
                        + " does not consume them all");
            }
            return new Decoded(Decoded.Format.AVRO, id, AvroJson.toJson(datum, schema), null);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            return hex(payload, id, "not Avro of schema id " + id + ": " + e.getMessage());
        }
    }

    private Lookup lookup(int id) {
        try {
            return new Lookup(schemaById.apply(id), null);
        } catch (RuntimeException e) {
            return new Lookup(null, "schema id " + id + " not available: " + Failures.oneLine(e, "the registry"));
        }
    }

    /** The payload as text when it is valid UTF-8 without control characters other than tab and line breaks. */
    static Optional<String> text(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        boolean printable = text.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r'
                || !Character.isISOControl(c));
        return printable ? Optional.of(text) : Optional.empty();
    }

    private static Decoded hex(byte[] payload, Integer schemaId, String error) {
        return new Decoded(Decoded.Format.HEX, schemaId, NODES.textNode(HexFormat.of().formatHex(payload)), error);
    }

    private record Lookup(Schema schema, String error) {
    }
}
