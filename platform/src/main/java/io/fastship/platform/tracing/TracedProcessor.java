package io.fastship.platform.tracing;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A Kafka Streams processor observed like a plain consumer's: each input record is processed inside a
 * {@link RecordScope} (consumer span, MDC, timers), and every record it forwards gets a {@code send <topic>} span
 * whose context replaces the trace headers it inherited, so the next hop's span is a child of this one.
 */
public final class TracedProcessor<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {

    private final Processor<KIn, VIn, KOut, VOut> delegate;
    private final RecordObserver observer;
    private final Function<Record<KIn, VIn>, String> orderIdOf;
    private final Map<String, String> sinkTopics;
    private ProcessorContext<KOut, VOut> context;
    private RecordScope current;

    private TracedProcessor(Processor<KIn, VIn, KOut, VOut> delegate, RecordObserver observer,
                            Function<Record<KIn, VIn>, String> orderIdOf, Map<String, String> sinkTopics) {
        this.delegate = delegate;
        this.observer = observer;
        this.orderIdOf = orderIdOf;
        this.sinkTopics = Map.copyOf(sinkTopics);
    }

    /**
     * Wraps every processor {@code supplier} makes.
     *
     * @param orderIdOf  the order a record belongs to (null if none), for the span and the MDC
     * @param sinkTopics the topic behind each child (sink) name the processor forwards to
     */
    public static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> wrap(
            ProcessorSupplier<KIn, VIn, KOut, VOut> supplier, RecordObserver observer,
            Function<Record<KIn, VIn>, String> orderIdOf, Map<String, String> sinkTopics) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new TracedProcessor<>(supplier.get(), observer, orderIdOf, sinkTopics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        };
    }

    @Override
    public void init(ProcessorContext<KOut, VOut> processorContext) {
        context = processorContext;
        delegate.init(new TracingContext());
    }

    @Override
    public void process(Record<KIn, VIn> record) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        String topic = metadata.map(RecordMetadata::topic).orElse("unknown");
        int partition = metadata.map(RecordMetadata::partition).orElse(-1);
        long offset = metadata.map(RecordMetadata::offset).orElse(-1L);
        try (RecordScope scope = observer.process(topic, partition, offset, record.timestamp(), record.headers(),
                orderIdOf.apply(record))) {
            current = scope;
            try {
                delegate.process(record);
            } catch (RuntimeException e) {
                scope.failed(e);
                throw e;
            } finally {
                current = null;
            }
        }
    }

    @Override
    public void close() {
        delegate.close();
    }

    private <K extends KOut, V extends VOut> Record<K, V> traced(Record<K, V> record, String childName) {
        Record<K, V> copy = record.withHeaders(new RecordHeaders(record.headers()));
        if (current != null) {
            String topic = childName != null ? sinkTopics.getOrDefault(childName, childName)
                    : sinkTopics.size() == 1 ? sinkTopics.values().iterator().next() : "unknown";
            current.sent(topic, copy.headers());
        }
        return copy;
    }

    /** The real context, except that forwards go through {@link #traced}. */
    private final class TracingContext implements ProcessorContext<KOut, VOut> {

        @Override
        public <K extends KOut, V extends VOut> void forward(Record<K, V> record) {
            context.forward(traced(record, null));
        }

        @Override
        public <K extends KOut, V extends VOut> void forward(Record<K, V> record, String childName) {
            context.forward(traced(record, childName), childName);
        }

        @Override
        public String applicationId() {
            return context.applicationId();
        }

        @Override
        public TaskId taskId() {
            return context.taskId();
        }

        @Override
        public Optional<RecordMetadata> recordMetadata() {
            return context.recordMetadata();
        }

        @Override
        public Serde<?> keySerde() {
            return context.keySerde();
        }

        @Override
        public Serde<?> valueSerde() {
            return context.valueSerde();
        }

        @Override
        public File stateDir() {
            return context.stateDir();
        }

        @Override
        public StreamsMetrics metrics() {
            return context.metrics();
        }

        @Override
        public <S extends StateStore> S getStateStore(String name) {
            return context.getStateStore(name);
        }

        @Override
        public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
            return context.schedule(interval, type, callback);
        }

        @Override
        public Cancellable schedule(Instant startTime, Duration interval, PunctuationType type, Punctuator callback) {
            return context.schedule(startTime, interval, type, callback);
        }

        @Override
        public void commit() {
            context.commit();
        }

        @Override
        public Map<String, Object> appConfigs() {
            return context.appConfigs();
        }

        @Override
        public Map<String, Object> appConfigsWithPrefix(String prefix) {
            return context.appConfigsWithPrefix(prefix);
        }

        @Override
        public long currentSystemTimeMs() {
            return context.currentSystemTimeMs();
        }

        @Override
        public long currentStreamTimeMs() {
            return context.currentStreamTimeMs();
        }
    }
}
