package io.fastship.platform.processing;

import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands assignment changes to the processor; runs inside poll, when no transaction is open. An exception here
 * (a restore that timed out) comes out of {@code poll} and fails the loop: processing partitions whose state is
 * not restored would be wrong, and holding them while doing nothing would be a zombie.
 */
final class LoopRebalance implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(LoopRebalance.class);

    private final String loop;
    private final Consumer<String, byte[]> consumer;
    private final TaskProcessor processor;
    private final LoopMetrics metrics;

    LoopRebalance(String loop, Consumer<String, byte[]> consumer, TaskProcessor processor, LoopMetrics metrics) {
        this.loop = loop;
        this.consumer = consumer;
        this.processor = processor;
        this.metrics = metrics;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            log.info("Loop {} assigned {}", loop, partitions);
            processor.partitionsAssigned(partitions);
        }
        metrics.assigned.set(consumer.assignment().size());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            log.info("Loop {} revoked {}", loop, partitions);
            processor.partitionsRevoked(partitions);
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            log.warn("Loop {} lost {} (another instance may own them already)", loop, partitions);
            processor.partitionsRevoked(partitions);
        }
    }
}
