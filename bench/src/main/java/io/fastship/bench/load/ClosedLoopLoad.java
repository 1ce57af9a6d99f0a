package io.fastship.bench.load;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import io.fastship.bench.http.HttpTransport;

/**
 * A closed loop: keeps {@code concurrency} requests in flight, each answer letting the next one go, so the
 * server's speed sets the pace. Used for ceilings (as fast as it goes), not for latency.
 */
public final class ClosedLoopLoad {

    private final HttpTransport transport;
    private final int expectedStatus;
    private final int concurrency;
    private volatile LoadTally tally = new LoadTally(200);

    public ClosedLoopLoad(HttpTransport transport, int expectedStatus, int concurrency) {
        this.transport = transport;
        this.expectedStatus = expectedStatus;
        this.concurrency = concurrency;
    }

    /** Answers so far in the current run, for progress. */
    public long answered() {
        return tally.answered();
    }

    /** Sends up to {@code count} requests, stopping early once {@code maxDuration} has passed. */
    public LoadResult run(long count, Duration maxDuration, LongFunction<byte[]> request, AnswerListener listener,
                          Duration drain) throws InterruptedException {
        LoadTally current = new LoadTally(expectedStatus);
        tally = current;
        Semaphore inFlight = new Semaphore(concurrency);
        long started = System.nanoTime();
        long deadline = started + maxDuration.toNanos();
        AtomicLong sent = new AtomicLong();
        for (long i = 0; i < count && System.nanoTime() < deadline; i++) {
            inFlight.acquire();
            long seq = i;
            long due = System.nanoTime();
            transport.send(request.apply(seq), new HttpTransport.Callback() {
                @Override
                public void answered(int status, byte[] body, long sentNanos, long answeredNanos) {
                    try {
                        if (current.answered(status, body, due, sentNanos, answeredNanos)
                                && !listener.accepted(seq, due, body)) {
                            current.unusable(status + " without what the bench needs: "
                                    + new String(body, java.nio.charset.StandardCharsets.UTF_8));
                        }
                    } finally {
                        inFlight.release();
                    }
                }

                @Override
                public void failed(Throwable error, long answeredNanos) {
                    current.failed(error, answeredNanos);
                    inFlight.release();
                }
            });
            sent.incrementAndGet();
        }
        FixedRateLoad.awaitAnswers(current, sent.get(), drain);
        return current.result(sent.get(), started, 0, 0);
    }
}
