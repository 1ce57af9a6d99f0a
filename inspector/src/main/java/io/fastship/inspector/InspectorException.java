package io.fastship.inspector;

/** A failure the user can act on; its message is the whole one-line report. */
public final class InspectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InspectorException(String message) {
        super(message);
    }

    public InspectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
