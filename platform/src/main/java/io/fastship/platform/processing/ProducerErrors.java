package io.fastship.platform.processing;

import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Sorts what a transactional producer throws by what the loop must do next. */
enum ProducerErrors {

    /** Abort the transaction, rewind to the committed offsets, poll again. */
    ABORT,
    /** The producer asks to be replaced (its epoch was bumped under it): close it, build a new one, rewind. */
    RECREATE_PRODUCER,
    /**
     * Another instance owns our transactional id (we are a zombie), the broker lost our sequence (data may be
     * missing: the KafkaProducer Javadoc lists it with the fenced case as one to close on), or the cluster
     * refuses us: close the producer and stop.
     */
    FATAL;

    static ProducerErrors classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof FencedInstanceIdException
                    || t instanceof OutOfOrderSequenceException || t instanceof UnsupportedVersionException
                    || t instanceof AuthorizationException || t instanceof AuthenticationException) {
                return FATAL;
            }
            if (t instanceof ApplicationRecoverableException) {
                return RECREATE_PRODUCER;
            }
        }
        return ABORT;
    }
}
