package io.fastship.bench.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import io.fastship.bench.http.HttpTransport;

/**
 * An open loop: sends requests at a fixed rate whatever the server does, and measures every latency from the
 * moment the request was due (not from when it could be sent), so a stall of the server, of a connection or of
 * the bench itself shows in the percentiles instead of hiding as requests never sent (coordinated omission).
 */
public final class FixedRateLoad {

    private final HttpTransport transport;
    private final int expectedStatus;
    private final AtomicLong sent = new AtomicLong();
    private volatile LoadTally tally = new LoadTally(202);

    public FixedRateLoad(HttpTransport transport, int expectedStatus) {
        this.transport = transport;
        this.expectedStatus = expectedStatus;
    }

    /** Requests sent so far in the current run, for progress. */
    public long sent() {
        return sent.get();
    }

    /** Answers so far in the current run. */
    public long answered() {
        return tally.answered();
    }

    /**
     * Sends {@code count} requests at {@code perSecond}, then waits up to {@code drain} for the last answers.
     * {@code request} builds request number {@code seq}; {@code listener} hears every expected answer.
     */
    public LoadResult run(double perSecond, long count, LongFunction<byte[]> request, AnswerListener listener,
                          Duration drain) throws InterruptedException {
        LoadTally current = new LoadTally(expectedStatus);
        tally = current;
        sent.set(0);
        Schedule schedule = new Schedule(System.nanoTime(), perSecond);
        long maxBehind = 0;
        for (long i = 0; i < count; i++) {
            long due = schedule.dueNanos(i);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            maxBehind = Math.max(maxBehind, -wait);
            long seq = i;
            transport.send(request.apply(seq), new HttpTransport.Callback() {
                @Override
                public void answered(int status, byte[] body, long sentNanos, long answeredNanos) {
                    if (current.answered(status, body, due, sentNanos, answeredNanos)
                            && !listener.accepted(seq, due, body)) {
                        current.unusable(status + " without what the bench needs: "
                                + new String(body, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }

                @Override
                public void failed(Throwable error, long answeredNanos) {
                    current.failed(error, answeredNanos);
                }
            });
            sent.incrementAndGet();
        }
        awaitAnswers(current, count, drain);
        return current.result(count, schedule.startNanos(), perSecond, maxBehind);
    }

    static void awaitAnswers(LoadTally tally, long count, Duration drain) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        while (tally.answered() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        if (tally.answered() < count) {
            throw new IllegalStateException((count - tally.answered()) + " of " + count + " requests unanswered "
                    + drain + " after the last was sent");
        }
    }
}
