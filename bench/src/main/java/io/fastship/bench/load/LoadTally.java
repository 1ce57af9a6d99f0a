package io.fastship.bench.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.fastship.bench.stats.LatencyRecorder;

/**
 * What a load run's answers were, counted as they arrive (on the client's thread): statuses, failures, the
 * latency from when each request was meant to go out, and the time the server took once it was on the wire.
 */
public final class LoadTally {

    private final int expectedStatus;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LatencyRecorder serviceTime = new LatencyRecorder();
    private final Map<Integer, Long> rejected = new ConcurrentHashMap<>();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    public LoadTally(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    /** Counts one answer; returns whether it had the expected status. */
    boolean answered(int status, byte[] body, long intendedNanos, long sentNanos, long answeredNanos) {
        answered.incrementAndGet();
        lastAnswer.accumulateAndGet(answeredNanos, Math::max);
        latency.record(answeredNanos - intendedNanos);
        serviceTime.record(answeredNanos - sentNanos);
        if (status == expectedStatus) {
            accepted.incrementAndGet();
            return true;
        }
        rejected.merge(status, 1L, Long::sum);
        firstFailure.compareAndSet(null, status + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        return false;
    }

    void failed(Throwable error, long answeredNanos) {
        answered.incrementAndGet();
        lastAnswer.accumulateAndGet(answeredNanos, Math::max);
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, error.toString());
    }

    /** An expected answer that still turned out unusable (e.g. a 202 without an order id). */
    void unusable(String why) {
        accepted.decrementAndGet();
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    public long answered() {
        return answered.get();
    }

    LoadResult result(long sent, long firstIntendedNanos, double targetRate, long maxBehindNanos) {
        long last = lastAnswer.get();
        long elapsed = last == Long.MIN_VALUE ? 0 : last - firstIntendedNanos;
        return new LoadResult(targetRate, sent, accepted.get(), Map.copyOf(rejected), failed.get(),
                firstFailure.get(), elapsed / 1e9, elapsed <= 0 ? 0 : accepted.get() * 1e9 / elapsed,
                latency.summary(), serviceTime.summary(), latency.curve(), maxBehindNanos / 1e6);
    }
}
