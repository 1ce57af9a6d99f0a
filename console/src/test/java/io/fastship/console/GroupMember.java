package io.fastship.console;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A real consumer-group member that polls and commits on its own thread until closed. */
final class GroupMember implements AutoCloseable {

    private final Thread thread;
    private volatile boolean closed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    GroupMember(Map<String, Object> clientConfig, String group, String clientId, String... topics) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, 200);
        this.thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> own = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = own;
                own.subscribe(List.of(topics));
                while (!closed) {
                    own.poll(Duration.ofMillis(100));
                }
            } catch (WakeupException closing) {
                // close() woke the poll.
            }
        }, "member-" + clientId);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(Duration.ofSeconds(30).toMillis());
    }
}
