package io.fastship.platform.processing;

/** Life of a {@link TransactionalLoop}. */
public enum LoopState {
    CREATED, STARTING, RUNNING, STOPPED,
    /** Stopped by an error it cannot recover from (fenced by a newer instance, not authorized...). */
    FAILED
}
