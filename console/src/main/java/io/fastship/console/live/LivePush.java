package io.fastship.console.live;

import io.fastship.console.http.ProblemException;
import io.fastship.inspector.InspectorException;
import io.fastship.inspector.output.Json;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server push: each SSE client gets a freshly taken snapshot about once a second until it goes away. A
 * snapshot that fails is sent as a {@code problem} event, so the page says why instead of going stale.
 */
public final class LivePush implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LivePush.class);

    private final Duration period;
    private final ScheduledExecutorService scheduler;

    public LivePush(Duration period) {
        this.period = period;
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "console-push");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Keeps the client open and sends {@code event} with the snapshot as JSON every period. */
    public void attach(SseClient client, String event, Supplier<Object> snapshot) {
        client.keepAlive();
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = scheduler.scheduleWithFixedDelay(() -> {
            if (client.terminated()) {
                task[0].cancel(false);
                return;
            }
            try {
                client.sendEvent(event, Json.line(snapshot.get()));
            } catch (ProblemException | InspectorException e) {
                client.sendEvent("problem", Json.line(problem(e.getMessage())));
            } catch (RuntimeException e) {
                log.warn("live {} snapshot failed", event, e);
                client.sendEvent("problem", Json.line(problem("snapshot failed: " + e.getClass().getSimpleName())));
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        client.onClose(() -> task[0].cancel(false));
    }

    private static Map<String, Object> problem(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Live update failed");
        body.put("detail", detail);
        return body;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
