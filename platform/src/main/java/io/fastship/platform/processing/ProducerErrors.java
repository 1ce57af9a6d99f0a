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

    /** Abort the transaction, rewind, poll again. */
    ABORT,
    /** The producer is unusable (e.g. epoch bumped under it): close it, build a new one, rewind. */
    RECREATE_PRODUCER,
    /** Another instance owns our transactional id (we are a zombie) or the cluster refuses us: stop. */
    FATAL;

    static ProducerErrors classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof FencedInstanceIdException
                    || t instanceof UnsupportedVersionException || t instanceof AuthorizationException
                    || t instanceof AuthenticationException) {
                return FATAL;
            }
            if (t instanceof ApplicationRecoverableException || t instanceof OutOfOrderSequenceException) {
                return RECREATE_PRODUCER;
            }
        }
        return ABORT;
    }
}
