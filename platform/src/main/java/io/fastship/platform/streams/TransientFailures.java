package io.fastship.platform.streams;

import io.fastship.platform.failure.FailureClassifier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other half of {@link DeadLetterHandlers}' retry: a task failed on purpose for a transient failure takes its
 * thread down, and this replaces the thread, so the task resumes from its last commit once the cause has passed.
 */
public final class TransientFailures {

    private static final Logger log = LoggerFactory.getLogger(TransientFailures.class);

    private TransientFailures() {
    }

    /** Replaces the thread for a transient failure; answers {@code otherwise} for anything else. */
    public static StreamsUncaughtExceptionHandler uncaughtHandler(StreamThreadExceptionResponse otherwise) {
        return error -> {
            if (FailureClassifier.isTransient(error)) {
                log.warn("Stream thread stopped on a transient failure; replacing it to retry: {}", error.toString());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            log.error("Stream thread failed; answering {}", otherwise, error);
            return otherwise;
        };
    }
}
