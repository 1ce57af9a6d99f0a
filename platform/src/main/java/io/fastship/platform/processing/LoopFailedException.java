package io.fastship.platform.processing;

/** The loop met an error it must not go on after (fenced, refused, or recovery itself failed). */
public final class LoopFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoopFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
