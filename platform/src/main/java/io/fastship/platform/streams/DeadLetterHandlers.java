package io.fastship.platform.streams;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fastship.platform.deadletter.DeadLetter;
import io.fastship.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams exception handlers that send a poison record to {@code <application.id>.dlq} with the same
 * headers as the plain consumers' dead letters, and keep processing. The dead letter is written by Streams
 * itself (KIP-1034), inside the task's transaction under exactly-once.
 */
public final class DeadLetterHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);
    /** Streams config key carrying the {@link MeterRegistry} the handlers count into (Streams hands it over). */
    public static final String METRICS_CONFIG = "fastship.dead.letter.metrics";
    static final String COUNTER = "fastship_dead_letters_total";

    private DeadLetterHandlers() {
    }

    /** Registers both handlers on a Streams config. */
    public static void install(Map<String, Object> streamsConfig) {
        streamsConfig.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Deserialization.class);
        streamsConfig.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class);
    }

    /**
     * Makes both handlers count dead letters as {@code fastship_dead_letters_total{stage}}, like the plain consumers.
     * Under exactly-once a record whose transaction aborts is counted again when it is reprocessed.
     */
    public static void countInto(Map<String, Object> streamsConfig, MeterRegistry registry) {
        streamsConfig.put(METRICS_CONFIG, registry);
    }

    private static MeterRegistry registryIn(Map<String, ?> configs) {
        return configs.get(METRICS_CONFIG) instanceof MeterRegistry registry ? registry : null;
    }

    private static void count(MeterRegistry registry, DeadLetter.Stage stage) {
        if (registry != null) {
            registry.counter(COUNTER, "stage", stage.header()).increment();
        }
    }

    /** Bytes that do not decode (not our Avro, unknown schema id, unreadable schema). */
    public static final class Deserialization implements DeserializationExceptionHandler {

        private String service = "unknown";
        private MeterRegistry registry;

        @Override
        public void configure(Map<String, ?> configs) {
            service = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
            registry = registryIn(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            log.warn("Dead-lettering undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), exception.toString());
            DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(), record.timestamp(),
                    record.key(), record.value(), record.headers(), DeadLetter.Stage.DESERIALIZATION, exception);
            count(registry, DeadLetter.Stage.DESERIALIZATION);
            return Response.resume(List.of(toRecord(letter, service)));
        }
    }

    /** A record that decoded but made a processor throw. */
    public static final class Processing implements ProcessingExceptionHandler {

        private String service = "unknown";
        private MeterRegistry registry;

        @Override
        public void configure(Map<String, ?> configs) {
            service = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
            registry = registryIn(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            log.warn("Dead-lettering record {}-{}@{} that failed in {}: {}", context.topic(), context.partition(),
                    context.offset(), context.processorNodeId(), exception.toString());
            DeadLetter letter = new DeadLetter(String.valueOf(context.topic()), context.partition(), context.offset(),
                    context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                    DeadLetter.Stage.PROCESSING, exception);
            count(registry, DeadLetter.Stage.PROCESSING);
            return Response.resume(List.of(toRecord(letter, service)));
        }
    }

    static ProducerRecord<byte[], byte[]> toRecord(DeadLetter letter, String service) {
        return letter.toRecord(Topics.deadLetter(service), service, Instant.now());
    }
}
