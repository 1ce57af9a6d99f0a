package io.fastship.platform.processing;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop's transactional producer and what the {@code KafkaProducer} Javadoc says about each call's errors.
 *
 * <p>{@link #commit} is the one call whose failure does not mean "not done": a {@code TimeoutException} (or an
 * interrupt) from {@code commitTransaction} only says the acknowledgement did not come in time; the commit may be
 * completing. The Javadoc: it is safe to call {@code commitTransaction} again, and not possible to attempt a
 * different operation such as {@code abortTransaction}. So commit retries the same call until it succeeds, fails
 * for a definite reason, or the retry budget is spent ({@link CommitOutcomeUnknownException}) — never aborts.
 * A {@code send} that timed out, on the other hand, is abortable (KAFKA-18579): it goes the usual abort path.
 */
final class LoopProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopProducer.class);

    private final String loop;
    private final Supplier<Producer<byte[], byte[]>> factory;
    private final MeterRegistry registry;
    private final LoopMetrics metrics;
    private final Duration closeTimeout;
    private Producer<byte[], byte[]> producer;
    private KafkaClientMetrics producerMetrics;

    LoopProducer(String loop, Supplier<Producer<byte[], byte[]>> factory, MeterRegistry registry, LoopMetrics metrics,
                 Duration closeTimeout) {
        this.loop = loop;
        this.factory = factory;
        this.registry = registry;
        this.metrics = metrics;
        this.closeTimeout = closeTimeout;
    }

    /**
     * Makes a producer and initialises transactions, which fences every earlier producer with our transactional
     * id and resolves its last transaction (a prepared commit is completed, an open one aborted). A failure here
     * (e.g. a timeout) is thrown: the loop cannot work without a producer and must not pretend to.
     */
    void init() {
        closeQuietly();
        Producer<byte[], byte[]> made = factory.get();
        producerMetrics = new KafkaClientMetrics(made);
        producerMetrics.bindTo(registry);
        producer = made;
        producer.initTransactions();
    }

    void begin() {
        producer.beginTransaction();
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        producer.send(record);
    }

    void sendOffsets(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        producer.sendOffsetsToTransaction(offsets, group);
    }

    /** Commits, calling {@code commitTransaction} again after each timeout for up to {@code budget}. */
    void commit(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException | InterruptException e) {
                // An interrupt is reported like a timeout; clear it, or the retry would be interrupted at once.
                boolean interrupted = Thread.interrupted();
                if (System.nanoTime() > deadline) {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    throw new CommitOutcomeUnknownException("commit of loop " + loop + " still unacknowledged after "
                            + budget, e);
                }
                metrics.commitRetries.increment();
                log.warn("Loop {}: commit not acknowledged ({}); calling commitTransaction again", loop, e.toString());
            }
        }
    }

    /** Aborts; a producer that cannot abort is replaced (its open transaction dies with its epoch). */
    void abortOrReplace() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException abortError) {
            if (ProducerErrors.classify(abortError) == ProducerErrors.FATAL) {
                throw new LoopFailedException("abort of loop " + loop + " failed fatally", abortError);
            }
            log.warn("Loop {}: abort failed ({}); replacing the producer", loop, abortError.toString());
            init();
        }
    }

    /** Closes the producer; an open transaction is aborted by the coordinator when the producer goes away. */
    void closeQuietly() {
        if (producer != null) {
            try {
                producer.close(closeTimeout);
            } catch (RuntimeException e) {
                log.warn("Loop {}: closing the producer failed: {}", loop, e.toString());
            }
            producer = null;
        }
        if (producerMetrics != null) {
            producerMetrics.close();
            producerMetrics = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
