package io.fastship.platform.processing;

/**
 * {@code commitTransaction} kept timing out: the transaction may or may not have committed, so it can neither
 * be aborted nor its batch polled again from where it started.
 */
final class CommitOutcomeUnknownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
