package io.fastship.inspector.tail;

import io.fastship.inspector.Durations;
import io.fastship.inspector.InspectorException;
import io.fastship.inspector.StopSignal;
import io.fastship.inspector.output.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The read loop of {@code tail}: from the start positions, either up to the end offsets captured at start
 * or on and on ({@code --follow}), printing one JSON line per matching record.
 */
final class Tailer {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final PayloadDecoder decoder;
    private final RecordJson json;
    private final PrintWriter out;
    private final Duration stallTimeout;

    Tailer(KafkaConsumer<byte[], byte[]> consumer, PayloadDecoder decoder, PrintWriter out, Duration stallTimeout) {
        this.consumer = consumer;
        this.decoder = decoder;
        this.json = new RecordJson(decoder);
        this.out = out;
        this.stallTimeout = stallTimeout;
    }

    /**
     * @param stopAt where to stop per partition, or null to follow
     * @param max    stop after this many printed records; 0 for no limit
     * @param key    print only records whose key reads as this, or null
     * @return how many records were printed
     */
    long run(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> stopAt, long max, String key,
             StopSignal stop) {
        consumer.assign(starts.keySet());
        starts.forEach(consumer::seek);
        Set<TopicPartition> pending = new HashSet<>(starts.keySet());
        if (stopAt != null) {
            pending.removeIf(partition -> starts.get(partition) >= stopAt.get(partition));
        }
        Map<TopicPartition, Long> positions = new HashMap<>(starts);
        long printed = 0;
        long lastProgress = System.nanoTime();
        try {
            while (!stop.stopped() && (stopAt == null || !pending.isEmpty()) && (max == 0 || printed < max)) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (stopAt != null && record.offset() >= stopAt.get(partition)) {
                        continue;
                    }
                    Decoded decodedKey = decoder.decode(record.key());
                    if (key != null && !key.equals(RecordJson.keyText(decodedKey))) {
                        continue;
                    }
                    out.println(Json.line(json.toJson(record, decodedKey)));
                    printed++;
                    if (max != 0 && printed >= max) {
                        break;
                    }
                }
                out.flush();
                if (stopAt != null) {
                    boolean moved = false;
                    for (TopicPartition partition : Set.copyOf(pending)) {
                        long position = consumer.position(partition);
                        moved |= position != positions.put(partition, position);
                        if (position >= stopAt.get(partition)) {
                            pending.remove(partition);
                        }
                    }
                    if (moved) {
                        lastProgress = System.nanoTime();
                    } else if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                        throw new InspectorException("no progress reading " + pending + " for "
                                + Durations.format(stallTimeout) + " (end offsets not reached)");
                    }
                }
            }
        } catch (WakeupException stopping) {
            // Ctrl-C: what was printed stands.
        }
        out.flush();
        return printed;
    }
}
