package io.fastship.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record that could not be processed, on its way to the service's dead-letter topic: the original key and
 * value bytes, the original headers, and the reason in {@link DeadLetterHeaders}.
 *
 * <p>Bounded in size: a dead letter carries the original plus headers, so a record near the broker's message
 * limit would make one over {@code max.request.size}, fail its transaction, and fail it again on every retry.
 * Past {@link #MAX_VALUE_BYTES} the value is cut (and {@link DeadLetterHeaders#VALUE_TRUNCATED} says how long it
 * was), past {@link #MAX_KEY_BYTES} the key, and original headers beyond {@link #MAX_ORIGINAL_HEADER_BYTES} are
 * left out ({@link DeadLetterHeaders#HEADERS_DROPPED}); the source topic, partition and offset still lead to the
 * original.
 */
public record DeadLetter(String sourceTopic, int sourcePartition, long sourceOffset, long sourceTimestamp,
                         byte[] key, byte[] value, Headers originalHeaders, Stage stage, Throwable error) {

    static final int MAX_MESSAGE_BYTES = 4096;
    /** Well under the producer's default 1 MiB {@code max.request.size}, leaving room for key and headers. */
    public static final int MAX_VALUE_BYTES = 256 * 1024;
    public static final int MAX_KEY_BYTES = 16 * 1024;
    public static final int MAX_ORIGINAL_HEADER_BYTES = 64 * 1024;

    /** Where in the pipeline a record failed. */
    public enum Stage {
        DESERIALIZATION("deserialization"), PROCESSING("processing");

        private final String header;

        Stage(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    public DeadLetter {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(error, "error");
        originalHeaders = originalHeaders == null ? new RecordHeaders() : originalHeaders;
    }

    /** The record to send to {@code deadLetterTopic}; same partition number is not kept, the key decides. */
    public ProducerRecord<byte[], byte[]> toRecord(String deadLetterTopic, String service, Instant now) {
        RecordHeaders headers = new RecordHeaders();
        int headerBytes = 0;
        int dropped = 0;
        for (Header header : originalHeaders) {
            if (header.key().startsWith("dlq.")) {
                continue;
            }
            int size = header.key().length() + (header.value() == null ? 0 : header.value().length);
            if (headerBytes + size > MAX_ORIGINAL_HEADER_BYTES) {
                dropped++;
            } else {
                headerBytes += size;
                headers.add(header);
            }
        }
        if (dropped > 0) {
            headers.add(DeadLetterHeaders.HEADERS_DROPPED, utf8(Integer.toString(dropped)));
        }
        byte[] keptKey = cut(key, MAX_KEY_BYTES, DeadLetterHeaders.KEY_TRUNCATED, headers);
        byte[] keptValue = cut(value, MAX_VALUE_BYTES, DeadLetterHeaders.VALUE_TRUNCATED, headers);
        headers.add(DeadLetterHeaders.ERROR_CLASS, utf8(rootCause(error).getClass().getName()));
        headers.add(DeadLetterHeaders.ERROR_MESSAGE, utf8(truncate(describe(error))));
        headers.add(DeadLetterHeaders.ERROR_STAGE, utf8(stage.header()));
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(sourceTopic));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(sourcePartition)));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(sourceOffset)));
        headers.add(DeadLetterHeaders.SOURCE_TIMESTAMP, utf8(Long.toString(sourceTimestamp)));
        headers.add(DeadLetterHeaders.SERVICE, utf8(service));
        headers.add(DeadLetterHeaders.FAILED_AT, utf8(Long.toString(now.toEpochMilli())));
        return new ProducerRecord<>(deadLetterTopic, null, keptKey, keptValue, headers);
    }

    private static byte[] cut(byte[] bytes, int limit, String header, RecordHeaders headers) {
        if (bytes == null || bytes.length <= limit) {
            return bytes;
        }
        headers.add(header, utf8(Integer.toString(bytes.length)));
        return java.util.Arrays.copyOf(bytes, limit);
    }

    /** The error and its causes on one line: the outer message often hides the useful inner one. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String truncate(String text) {
        byte[] bytes = utf8(text);
        if (bytes.length <= MAX_MESSAGE_BYTES) {
            return text;
        }
        return new String(bytes, 0, MAX_MESSAGE_BYTES, StandardCharsets.UTF_8) + "...";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
