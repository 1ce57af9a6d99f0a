package io.fastship.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A restore reads only once no transaction is open on the changelog partition, so it misses no commit. */
class OutcomeRestorerTest {

    private static final TopicPartition CHANGELOG = new TopicPartition("outcomes", 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void waitsUntilThePreviousOwnersTransactionIsMarkedBeforeReadingToTheEnd() {
        // The previous owner's last transaction (offsets 1..2) is committed, its markers not yet written: the
        // stable offset stays at 1 for three looks, then reaches the high watermark 3.
        AtomicInteger looks = new AtomicInteger();
        ChangelogOffsets offsets = new ChangelogOffsets() {
            @Override
            public long lastStable(TopicPartition partition) {
                return looks.incrementAndGet() <= 3 ? 1 : 3;
            }

            @Override
            public long highWatermark(TopicPartition partition) {
                return 3;
            }
        };
        consumer.updateBeginningOffsets(Map.of(CHANGELOG, 0L));
        // What a read_committed endOffsets answers meanwhile: the stable offset, before the unmarked transaction.
        consumer.updateEndOffsets(Map.of(CHANGELOG, 1L));
        consumer.schedulePollTask(() -> {
            consumer.addRecord(record(0, "o-1"));
            consumer.addRecord(record(1, "o-2"));
            consumer.addRecord(record(2, "o-3"));
        });
        OutcomeRestorer restorer = new OutcomeRestorer(consumer, offsets, "outcomes",
                (topic, bytes) -> event(new String(bytes, StandardCharsets.UTF_8)), Duration.ofSeconds(10));

        Map<String, PaymentEvent> restored = restorer.restore(0);

        assertThat(looks.get()).isGreaterThanOrEqualTo(4);
        assertThat(restored).containsOnlyKeys("o-1", "o-2", "o-3");
    }

    @Test
    void givesUpWithAClearErrorWhenATransactionStaysOpenPastTheTimeout() {
        ChangelogOffsets offsets = new ChangelogOffsets() {
            @Override
            public long lastStable(TopicPartition partition) {
                return 0;
            }

            @Override
            public long highWatermark(TopicPartition partition) {
                return 5;
            }
        };
        OutcomeRestorer restorer = new OutcomeRestorer(consumer, offsets, "outcomes", (topic, bytes) -> null,
                Duration.ofMillis(300));

        assertThatThrownBy(() -> restorer.restore(0)).hasMessageContaining("still has an open transaction");
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String orderId) {
        return new ConsumerRecord<>("outcomes", 0, offset, orderId, orderId.getBytes(StandardCharsets.UTF_8));
    }

    private static PaymentEvent event(String orderId) {
        return PaymentEvent.newBuilder().setEventId("e").setOrderId(orderId).setStatus(PaymentStatus.AUTHORIZED)
                .setAmountMinor(1).setCurrency("EUR").setOccurredAt(Instant.EPOCH).build();
    }
}
