package io.fastship.chaos.load;

import java.io.IOException;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the lines of an order's {@code /events} stream as a customer's browser would: each {@code status} event's
 * data is the order's JSON, and its {@code status} field is what the client was told. Other events (the relay's
 * {@code error}) and comments (heartbeats) tell no status; every line counts as a sign the stream is alive.
 */
final class SseStatusEvents implements Flow.Subscriber<String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATUS_EVENT = "status";

    private final Consumer<String> onStatus;
    private final Runnable onLine;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private String event = "message";
    private final StringBuilder data = new StringBuilder();

    /**
     * @param onStatus called with each status told, in stream order
     * @param onLine   called on every line, comments included
     */
    SseStatusEvents(Consumer<String> onStatus, Runnable onLine) {
        this.onStatus = onStatus;
        this.onLine = onLine;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        if (cancelled) {
            newSubscription.cancel();
        } else {
            newSubscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(String line) {
        onLine.run();
        if (line.isEmpty()) {
            dispatch();
        } else if (line.startsWith("event:")) {
            event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
            data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
        }
    }

    private void dispatch() {
        if (event.equals(STATUS_EVENT) && data.length() > 0) {
            String status = status(data.toString());
            if (!status.isEmpty()) {
                onStatus.accept(status);
            }
        }
        event = "message";
        data.setLength(0);
    }

    /** The {@code status} field of an order's JSON; empty when the data is not such a document. */
    static String status(String json) {
        try {
            return JSON.readTree(json).path("status").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // The response future completes exceptionally; the watcher retries from there.
    }

    @Override
    public void onComplete() {
        // An event without its closing blank line was never complete: a browser drops it too.
    }

    /** Stops reading: the stream went silent, or the watch is over. */
    void cancel() {
        cancelled = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
