package io.fastship.platform.streams;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fastship.platform.deadletter.DeadLetter;
import io.fastship.platform.failure.FailureClassifier;
import io.fastship.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams exception handlers that send a poison record to {@code <application.id>.dlq} with the same
 * headers as the plain consumers' dead letters, and keep processing. The dead letter is written by Streams
 * itself (KIP-1034), inside the task's transaction under exactly-once.
 *
 * <p>A transient failure ({@link FailureClassifier}: registry unreachable or 5xx, a timeout) is never
 * dead-lettered: the handlers answer FAIL, the task's transaction aborts, and the thread is replaced (see
 * {@link TransientFailures#uncaughtHandler}), so the record is read again from the last commit. Kafka Streams 4.4
 * offers RETRY only to the production handler (for retriable send errors); processing and deserialization can
 * only resume or fail, and resuming would skip the record. A short pause before failing keeps an outage from
 * turning into a hot loop of thread replacements.
 */
public final class DeadLetterHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);
    /** Streams config key carrying the {@link MeterRegistry} the handlers count into (Streams hands it over). */
    public static final String METRICS_CONFIG = "fastship.dead.letter.metrics";
    static final String COUNTER = "fastship_dead_letters_total";
    /** Streams config key: milliseconds to pause before failing the task on a transient failure (default 1000). */
    public static final String TRANSIENT_PAUSE_CONFIG = "fastship.transient.pause.ms";
    private static final long DEFAULT_TRANSIENT_PAUSE_MS = 1_000;

    private DeadLetterHandlers() {
    }

    /** Registers both handlers on a Streams config. */
    public static void install(Map<String, Object> streamsConfig) {
        streamsConfig.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Deserialization.class);
        streamsConfig.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class);
        streamsConfig.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Production.class);
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

    private static long pauseIn(Map<String, ?> configs) {
        return configs.get(TRANSIENT_PAUSE_CONFIG) instanceof Number pause ? pause.longValue()
                : DEFAULT_TRANSIENT_PAUSE_MS;
    }

    /** True (after the pause) when the failure is transient and the task must fail to be retried. */
    private static boolean failForRetry(Exception exception, long pauseMs, String what) {
        if (!FailureClassifier.isTransient(exception)) {
            return false;
        }
        log.warn("Transient failure {}; failing the task so the record is retried, not dead-lettered: {}", what,
                exception.toString());
        if (pauseMs > 0) {
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
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
        private long pauseMs = DEFAULT_TRANSIENT_PAUSE_MS;

        @Override
        public void configure(Map<String, ?> configs) {
            service = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
            registry = registryIn(configs);
            pauseMs = pauseIn(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            if (failForRetry(exception, pauseMs, "decoding " + record.topic() + "-" + record.partition() + "@"
                    + record.offset())) {
                return Response.fail();
            }
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
        private long pauseMs = DEFAULT_TRANSIENT_PAUSE_MS;

        @Override
        public void configure(Map<String, ?> configs) {
            service = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
            registry = registryIn(configs);
            pauseMs = pauseIn(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (failForRetry(exception, pauseMs, "processing " + context.topic() + "-" + context.partition() + "@"
                    + context.offset() + " in " + context.processorNodeId())) {
                return Response.fail();
            }
            log.warn("Dead-lettering record {}-{}@{} that failed in {}: {}", context.topic(), context.partition(),
                    context.offset(), context.processorNodeId(), exception.toString());
            DeadLetter letter = new DeadLetter(String.valueOf(context.topic()), context.partition(), context.offset(),
                    context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                    DeadLetter.Stage.PROCESSING, exception);
            count(registry, DeadLetter.Stage.PROCESSING);
            return Response.resume(List.of(toRecord(letter, service)));
        }
    }

    /**
     * A status or event that cannot be sent or serialized. Retriable send errors are retried; a serializer that
     * needs the registry fails the task while the registry is away; anything else fails the task too (the
     * default), because resuming would drop an output that other services wait for.
     */
    public static final class Production implements ProductionExceptionHandler {

        private long pauseMs = DEFAULT_TRANSIENT_PAUSE_MS;

        @Override
        public void configure(Map<String, ?> configs) {
            pauseMs = pauseIn(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                    Exception exception) {
            if (exception instanceof RetriableException) {
                return Response.retry();
            }
            log.error("Cannot send to {}; failing the task: {}", record.topic(), exception.toString());
            return Response.fail();
        }

        @Override
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
                                                 Exception exception, SerializationExceptionOrigin origin) {
            if (!failForRetry(exception, pauseMs, "serializing for " + record.topic())) {
                log.error("Cannot serialize a {} for {}; failing the task: {}", origin, record.topic(),
                        exception.toString());
            }
            return Response.fail();
        }
    }

    static ProducerRecord<byte[], byte[]> toRecord(DeadLetter letter, String service) {
        return letter.toRecord(Topics.deadLetter(service), service, Instant.now());
    }
}
