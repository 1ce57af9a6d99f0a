package io.fastship.inspector;

import io.fastship.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Turns client exceptions into the one line a user reads. */
public final class Failures {

    private Failures() {
    }

    /** A failure while doing {@code what} (e.g. "describing topic 'orders'"). */
    public static InspectorException describe(Throwable failure, String what, Cluster cluster) {
        if (failure instanceof InspectorException known) {
            return known;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return cluster.notReachable(what);
            }
        }
        String reason;
        if (failure instanceof UnknownTopicOrPartitionException || failure instanceof InvalidTopicException) {
            reason = "topic does not exist";
        } else if (failure instanceof GroupIdNotFoundException) {
            reason = "group does not exist";
        } else if (failure instanceof AuthenticationException) {
            reason = "authentication failed: " + failure.getMessage();
        } else if (failure instanceof AuthorizationException) {
            reason = "not authorized: " + failure.getMessage();
        } else {
            reason = message(failure);
        }
        return new InspectorException(what + ": " + reason, failure);
    }

    /** The one line for any exception that reached the top of a command. */
    public static String oneLine(Throwable failure, String registryUrl) {
        String text;
        if (failure instanceof InspectorException) {
            text = failure.getMessage();
        } else if (failure instanceof SchemaRegistryException) {
            text = "schema registry at " + registryUrl + ": " + failure.getMessage();
        } else if (failure instanceof TimeoutException) {
            text = "Kafka did not answer in time: " + failure.getMessage();
        } else {
            text = message(failure);
        }
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return failure instanceof RuntimeException && failure.getClass().getName().startsWith("org.apache.kafka")
                ? message
                : failure.getClass().getSimpleName() + ": " + message;
    }
}
