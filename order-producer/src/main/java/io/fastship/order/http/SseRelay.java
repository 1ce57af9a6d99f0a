package io.fastship.order.http;

import java.util.concurrent.Flow;

import io.javalin.http.sse.SseClient;

/** Re-emits the events of another instance's SSE stream, line by line as they arrive, to this instance's client. */
final class SseRelay implements Flow.Subscriber<String> {

    private final SseClient client;
    private volatile Flow.Subscription subscription;
    private String event = "message";
    private String id;
    private final StringBuilder data = new StringBuilder();

    SseRelay(SseClient client) {
        this.client = client;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        subscription = newSubscription;
        newSubscription.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(String line) {
        if (line.isEmpty()) {
            if (data.length() > 0 && !client.terminated()) {
                client.sendEvent(event, data.toString(), id);
            }
            event = "message";
            id = null;
            data.setLength(0);
        } else if (line.startsWith("event:")) {
            event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
            data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
        } else if (line.startsWith("id:")) {
            id = line.substring(3).strip();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        client.close();
    }

    @Override
    public void onComplete() {
        client.close();
    }

    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
