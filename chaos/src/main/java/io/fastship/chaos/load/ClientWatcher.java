package io.fastship.chaos.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.fastship.chaos.audit.ClientsTold;
import io.fastship.chaos.audit.Told;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every n-th accepted order the way a customer does, over {@code GET /orders/{id}/events}, and records every
 * status it is told. Streams are asynchronous (no thread per order) and bounded in number; a stream that fails,
 * ends before a final status or goes silent (a paused service sends no heartbeat) is simply opened again, on the
 * next order instance, until the client was told a final status or the watcher is closed. A failure is no finding:
 * only what the client was told is judged, by the auditor.
 */
public final class ClientWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientWatcher.class);
    /** More than two of the order service's 10 s heartbeats: a stream this quiet is from a stopped process. */
    static final Duration SILENT = Duration.ofSeconds(25);
    private static final long FIRST_RETRY_MS = 250;
    private static final long LONGEST_RETRY_MS = 4000;
    /** Streams open at once; beyond it a watch waits its turn (at 20 orders/s every 5th, far more than needed). */
    private static final int MAX_STREAMS = 128;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chaos-client-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> orderUrls;
    private final int every;
    private final AtomicInteger acceptedSeen = new AtomicInteger();
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Queue<Told> told = new ConcurrentLinkedQueue<>();
    private final Set<Stream> streaming = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> retries = new ConcurrentHashMap<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Deque<Watch> waiting = new ArrayDeque<>();
    private int active;
    private volatile boolean closed;

    /** @param every watch the first accepted order and every {@code every}-th after it; 0 watches none */
    public ClientWatcher(List<String> orderUrls, int every) {
        if (every < 0) {
            throw new IllegalArgumentException("--watch-every must be >= 0, was " + every);
        }
        this.orderUrls = List.copyOf(orderUrls);
        this.every = every;
        timers.scheduleWithFixedDelay(this::endSilent, 5, 5, TimeUnit.SECONDS);
    }

    /** An order answered 202; watched if it is in the sample. Never blocks: it runs on the load's HTTP threads. */
    public void accepted(String orderId) {
        int n = acceptedSeen.getAndIncrement();
        if (every == 0 || closed || n % every != 0) {
            return;
        }
        watched.add(orderId);
        unfinished.incrementAndGet();
        enqueue(new Watch(orderId, n / every));
    }

    /** Watched orders whose client was not told a final status yet. */
    public int unfinished() {
        return unfinished.get();
    }

    /** What the clients were told so far; take it before reading the topics, so that all it holds was committed. */
    public ClientsTold told() {
        return new ClientsTold(Set.copyOf(watched), List.copyOf(told));
    }

    /** Ends every stream; what was told until now stays. */
    @Override
    public void close() {
        closed = true;
        streaming.forEach(this::end);
        timers.shutdownNow();
        ClientsTold seen = told();
        log.info("Clients watched {} orders, told {} statuses, {} final; {} still unfinished; streams reopened: {}",
                seen.watched().size(), seen.told().size(), seen.sawFinal(), unfinished(), retries);
    }

    private void enqueue(Watch watch) {
        synchronized (this) {
            waiting.add(watch);
        }
        pump();
    }

    private void pump() {
        while (true) {
            Watch next;
            synchronized (this) {
                if (closed || active >= MAX_STREAMS || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                active++;
            }
            open(next);
        }
    }

    private void open(Watch watch) {
        Stream stream = new Stream(watch);
        streaming.add(stream);
        String base = orderUrls.get((watch.sequence + watch.attempts++) % orderUrls.size());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/orders/" + watch.orderId + "/events"))
                    .header("Accept", "text/event-stream").GET().build();
            // Only a 200 is a stream; anything else (404 before the order is known, 503 while it moves) is retried.
            stream.call = http.sendAsync(request, info -> {
                stream.touch();
                return info.statusCode() == 200 ? HttpResponse.BodySubscribers.fromLineSubscriber(stream.events)
                        : HttpResponse.BodySubscribers.replacing((Void) null);
            });
            stream.call.whenComplete((response, error) -> {
                stream.outcome(error != null ? unwrap(error).getClass().getSimpleName()
                        : response.statusCode() != 200 ? "HTTP " + response.statusCode() : "closed before final");
                end(stream);
            });
        } catch (RuntimeException e) {
            stream.outcome(e.getClass().getSimpleName());
            end(stream);
        }
    }

    private void tell(Watch watch, String status) {
        if (closed) {
            return;
        }
        told.add(new Told(watch.orderId, status, Instant.now()));
        watch.failures = 0;
        if (!watch.finalSeen && ClientsTold.isFinal(status)) {
            watch.finalSeen = true;
            unfinished.decrementAndGet();
        }
    }

    /** A stream that sent nothing, not even a heartbeat, for {@link #SILENT} is ended and opened again. */
    private void endSilent() {
        long now = System.nanoTime();
        for (Stream stream : streaming) {
            if (now - stream.lastNanos > SILENT.toNanos()) {
                stream.outcome("silent " + SILENT.toSeconds() + "s");
                end(stream);
            }
        }
    }

    private void end(Stream stream) {
        if (!stream.ended.compareAndSet(false, true)) {
            return;
        }
        streaming.remove(stream);
        stream.events.cancel();
        CompletableFuture<?> call = stream.call;
        if (call != null) {
            call.cancel(true);
        }
        synchronized (this) {
            active--;
        }
        Watch watch = stream.watch;
        if (!watch.finalSeen && !closed) {
            retries.merge(stream.outcome, 1, Integer::sum);
            long delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS << Math.min(watch.failures++, 8));
            try {
                timers.schedule(() -> enqueue(watch), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Closed meanwhile: the watch is over.
            }
        }
        pump();
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** One watched order, across all its streams. */
    private static final class Watch {
        final String orderId;
        final int sequence;
        int attempts;
        volatile int failures;
        volatile boolean finalSeen;

        Watch(String orderId, int sequence) {
            this.orderId = orderId;
            this.sequence = sequence;
        }
    }

    /** One subscription to an order's events; ended once, by whichever comes first: its end, silence or close. */
    private final class Stream {
        final Watch watch;
        final SseStatusEvents events;
        final AtomicBoolean ended = new AtomicBoolean();
        volatile CompletableFuture<HttpResponse<Void>> call;
        volatile long lastNanos = System.nanoTime();
        volatile String outcome = "ended";

        Stream(Watch watch) {
            this.watch = watch;
            this.events = new SseStatusEvents(status -> tell(watch, status), this::touch);
        }

        void touch() {
            lastNanos = System.nanoTime();
        }

        /** Why the stream ended, kept from the first cause: a later cancel says nothing new. */
        synchronized void outcome(String why) {
            if (outcome.equals("ended")) {
                outcome = why;
            }
        }
    }
}
