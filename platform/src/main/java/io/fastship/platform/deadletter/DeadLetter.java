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
 * value bytes untouched, the original headers kept, and the reason in {@link DeadLetterHeaders}.
 */
public record DeadLetter(String sourceTopic, int sourcePartition, long sourceOffset, long sourceTimestamp,
                         byte[] key, byte[] value, Headers originalHeaders, Stage stage, Throwable error) {

    static final int MAX_MESSAGE_BYTES = 4096;

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
        for (Header header : originalHeaders) {
            if (!header.key().startsWith("dlq.")) {
                headers.add(header);
            }
        }
        headers.add(DeadLetterHeaders.ERROR_CLASS, utf8(rootCause(error).getClass().getName()));
        headers.add(DeadLetterHeaders.ERROR_MESSAGE, utf8(truncate(describe(error))));
        headers.add(DeadLetterHeaders.ERROR_STAGE, utf8(stage.header()));
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, utf8(sourceTopic));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, utf8(Integer.toString(sourcePartition)));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, utf8(Long.toString(sourceOffset)));
        headers.add(DeadLetterHeaders.SOURCE_TIMESTAMP, utf8(Long.toString(sourceTimestamp)));
        headers.add(DeadLetterHeaders.SERVICE, utf8(service));
        headers.add(DeadLetterHeaders.FAILED_AT, utf8(Long.toString(now.toEpochMilli())));
        return new ProducerRecord<>(deadLetterTopic, null, key, value, headers);
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
