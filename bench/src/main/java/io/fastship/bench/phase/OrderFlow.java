package io.fastship.bench.phase;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.fastship.bench.flow.FinalStatuses;
import io.fastship.bench.http.LeanHttpClient;
import io.fastship.bench.http.Requests;
import io.fastship.bench.intake.OrderRequests;
import io.fastship.bench.load.AnswerListener;
import io.fastship.bench.load.ClosedLoopLoad;
import io.fastship.bench.load.FixedRateLoad;
import io.fastship.bench.load.LoadResult;
import io.fastship.bench.progress.Progress;

/**
 * Places the bench's orders on one order service through the lean client, closed-loop or at a fixed rate, and
 * remembers when each accepted order was due, so its final status on order-status can be timed from then.
 */
public final class OrderFlow implements AutoCloseable {

    /** Orders placed by one load run: the answers, and each accepted order's due time by order id. */
    public record Placed(LoadResult load, Map<String, Long> dueNanos) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DRAIN = REQUEST_TIMEOUT.plusSeconds(10);

    private final OrderRequests requests;
    private final FinalStatuses finals;
    private final Progress progress;
    private final LeanHttpClient client;
    private final Map<String, String> headers = new HashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private long nextOrder;

    public OrderFlow(String orderServiceUrl, OrderRequests requests, Optional<String> apiKey, int maxConnections,
                     FinalStatuses finals, Progress progress) {
        this.requests = requests;
        this.finals = finals;
        this.progress = progress;
        this.client = LeanHttpClient.to(orderServiceUrl, maxConnections, REQUEST_TIMEOUT);
        apiKey.ifPresent(key -> headers.put("X-API-Key", key));
    }

    /** Orders accepted so far, over all runs. */
    public long accepted() {
        return accepted.get();
    }

    public FinalStatuses finals() {
        return finals;
    }

    /** CPU the client's selector thread used so far, in ns. */
    public long clientCpuNanos() {
        return client.cpuNanos();
    }

    /** As fast as the service answers, {@code concurrency} in flight. */
    public Placed placeClosed(String label, long count, int concurrency) throws InterruptedException {
        ClosedLoopLoad load = new ClosedLoopLoad(client, 202, concurrency);
        Map<String, Long> due = new ConcurrentHashMap<>();
        progress.start(label, count, load::answered);
        try {
            LoadResult result = load.run(count, Duration.ofDays(1), this::order, remember(due), DRAIN);
            nextOrder += result.sent();
            return new Placed(result, due);
        } finally {
            progress.stop();
        }
    }

    /** {@code count} orders at {@code perSecond}, whatever the service does (open loop). */
    public Placed placeAtRate(String label, double perSecond, long count) throws InterruptedException {
        FixedRateLoad load = new FixedRateLoad(client, 202);
        Map<String, Long> due = new ConcurrentHashMap<>();
        progress.start(label, count, load::answered);
        try {
            LoadResult result = load.run(perSecond, count, this::order, remember(due), DRAIN);
            nextOrder += count;
            return new Placed(result, due);
        } finally {
            progress.stop();
        }
    }

    /** The same client, closed-loop, on {@code GET path} of the same server for {@code duration}. */
    public LoadResult ceiling(String path, Duration duration, int concurrency) throws InterruptedException {
        ClosedLoopLoad load = new ClosedLoopLoad(client, 200, concurrency);
        byte[] request = Requests.get(client.hostPort(), path);
        progress.start("ceiling", Long.MAX_VALUE, load::answered);
        try {
            return load.run(Long.MAX_VALUE, duration, seq -> request, AnswerListener.NONE, DRAIN);
        } finally {
            progress.stop();
        }
    }

    /** Waits, up to {@code timeout}, until every order of {@code orderIds} has a final status; whether all did. */
    public boolean awaitFinals(String label, Collection<String> orderIds, Duration timeout) throws InterruptedException {
        LongSupplier done = () -> orderIds.stream().filter(id -> finals.of(id).isPresent()).count();
        return awaitCount(progress, label, orderIds.size(), done, timeout);
    }

    /** Waits, bounded by {@code timeout}, until {@code done} reaches {@code total}; whether it did. */
    public static boolean awaitCount(Progress progress, String label, long total, LongSupplier done, Duration timeout)
            throws InterruptedException {
        progress.start(label, total, done);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (done.getAsLong() < total) {
                if (System.nanoTime() > deadline) {
                    progress.note(label + ": gave up after " + timeout + " with " + (total - done.getAsLong())
                            + " of " + total + " still missing");
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            return true;
        } finally {
            progress.stop();
        }
    }

    private byte[] order(long seq) {
        return Requests.postJson(client.hostPort(), "/orders", headers, requests.body(nextOrder + seq));
    }

    private AnswerListener remember(Map<String, Long> due) {
        return (seq, dueNanos, body) -> {
            String id = Requests.jsonString(body, "orderId");
            if (id == null) {
                return false;
            }
            due.put(id, dueNanos);
            accepted.incrementAndGet();
            return true;
        };
    }

    @Override
    public void close() {
        client.close();
    }
}
