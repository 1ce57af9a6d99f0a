package io.fastship.localstack.fault;

import java.util.List;

/** A fault named a process the stack does not have. */
public final class UnknownTargetException extends IllegalArgumentException {

    public UnknownTargetException(String target, List<String> known) {
        super("unknown fault target '" + target + "' (the stack runs " + String.join(", ", known) + ")");
    }

    /** The same error as the control endpoint reported it. */
    public UnknownTargetException(String message) {
        super(message);
    }
}
