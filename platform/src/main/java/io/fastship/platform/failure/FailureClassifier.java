package io.fastship.platform.failure;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

import io.fastship.schemas.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure that will pass (retry the record later) from one that never will (dead-letter the record).
 * Shared by the payment loop and both Streams services, so "the registry was down" never becomes a dead letter
 * anywhere. The cause chain is walked from the outermost exception in; the first one that is recognised decides.
 */
public final class FailureClassifier {

    /** What to do with the record that failed. */
    public enum Kind {
        /** Not the record's fault (registry or broker unreachable, overloaded, timing out): retry it. */
        TRANSIENT,
        /** The record can never be read or processed: dead-letter it. */
        POISON
    }

    private static final int MAX_DEPTH = 32;

    private FailureClassifier() {
    }

    public static Kind classify(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_DEPTH; t = t.getCause() == t ? null : t.getCause()) {
            depth++;
            if (t instanceof SchemaRegistryException registry) {
                return registryFailure(registry.status());
            }
            // Credentials that the registry or broker refuse are configuration, not data: fixing them lets the
            // record through, so it must still be there.
            if (t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof RetriableException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.POISON;
    }

    public static boolean isTransient(Throwable error) {
        return classify(error) == Kind.TRANSIENT;
    }

    /** No answer, 5xx, 429 and auth refusals pass; other 4xx (unknown schema id, invalid schema) never will. */
    private static Kind registryFailure(int status) {
        boolean passes = status == SchemaRegistryException.NO_RESPONSE || status == 429 || status >= 500
                || status == 401 || status == 403 || status == 408;
        return passes ? Kind.TRANSIENT : Kind.POISON;
    }
}
