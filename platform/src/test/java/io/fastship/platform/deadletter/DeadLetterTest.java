package io.fastship.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void keepsTheOriginalBytesAndNamesTheErrorAndSource() {
        byte[] key = "order-1".getBytes(StandardCharsets.UTF_8);
        byte[] value = {9, 9, 9};
        RecordHeaders original = new RecordHeaders();
        original.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        var error = new SerializationException("Unknown magic byte 9", new IllegalArgumentException("inner"));

        var record = new DeadLetter("orders", 4, 1234L, 99L, key, value, original, DeadLetter.Stage.DESERIALIZATION, error)
                .toRecord("payment-service.dlq", "payment-service", Instant.ofEpochMilli(5000));

        assertThat(record.topic()).isEqualTo("payment-service.dlq");
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(value);
        assertThat(header(record, "traceparent")).isEqualTo("00-abc");
        assertThat(header(record, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(record, DeadLetterHeaders.ERROR_MESSAGE))
                .isEqualTo("SerializationException: Unknown magic byte 9 <- IllegalArgumentException: inner");
        assertThat(header(record, DeadLetterHeaders.ERROR_STAGE)).isEqualTo("deserialization");
        assertThat(header(record, DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo("orders");
        assertThat(header(record, DeadLetterHeaders.SOURCE_PARTITION)).isEqualTo("4");
        assertThat(header(record, DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("1234");
        assertThat(header(record, DeadLetterHeaders.SERVICE)).isEqualTo("payment-service");
        assertThat(header(record, DeadLetterHeaders.FAILED_AT)).isEqualTo("5000");
    }

    @Test
    void longMessagesAreCut() {
        var error = new IllegalStateException("x".repeat(10_000));

        var record = new DeadLetter("orders", 0, 0, 0, null, null, null, DeadLetter.Stage.PROCESSING, error)
                .toRecord("svc.dlq", "svc", Instant.EPOCH);

        assertThat(record.headers().lastHeader(DeadLetterHeaders.ERROR_MESSAGE).value().length)
                .isLessThanOrEqualTo(DeadLetter.MAX_MESSAGE_BYTES + 3);
    }

    private static String header(org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aRecordNearTheMessageLimitIsTruncatedAndSaysSoSoItFitsARequest() {
        byte[] value = new byte[1_000_000];
        java.util.Arrays.fill(value, (byte) 7);
        RecordHeaders original = new RecordHeaders();
        original.add("trace", new byte[40_000]);
        original.add("big", new byte[40_000]);

        var record = new DeadLetter("orders", 0, 5, 0, "k".getBytes(StandardCharsets.UTF_8), value, original,
                DeadLetter.Stage.PROCESSING, new IllegalStateException("too big")).toRecord("dlq", "svc", Instant.EPOCH);

        assertThat(record.value()).hasSize(DeadLetter.MAX_VALUE_BYTES);
        assertThat(new String(record.headers().lastHeader(DeadLetterHeaders.VALUE_TRUNCATED).value(),
                StandardCharsets.UTF_8)).isEqualTo("1000000");
        assertThat(new String(record.headers().lastHeader(DeadLetterHeaders.HEADERS_DROPPED).value(),
                StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(record.headers().lastHeader("trace")).isNotNull();
        int size = record.value().length + record.key().length;
        for (var header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        // The producer's default max.request.size is 1 MiB; a dead letter must stay well inside it.
        assertThat(size).isLessThan(512 * 1024);
    }

    @Test
    void aSmallRecordIsKeptWholeWithoutTruncationHeaders() {
        var record = new DeadLetter("orders", 0, 5, 0, null, new byte[] {1, 2}, null, DeadLetter.Stage.PROCESSING,
                new IllegalStateException("x")).toRecord("dlq", "svc", Instant.EPOCH);

        assertThat(record.value()).containsExactly(1, 2);
        assertThat(record.headers().lastHeader(DeadLetterHeaders.VALUE_TRUNCATED)).isNull();
    }
}
