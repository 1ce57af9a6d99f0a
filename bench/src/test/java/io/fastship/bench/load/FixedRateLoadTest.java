package io.fastship.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.fastship.bench.http.HttpTransport;
import org.junit.jupiter.api.Test;

class FixedRateLoadTest {

    /**
     * Answers at once, except that sending request {@code stallAt} blocks the sender for {@code stallMillis}
     * (a GC pause, a full socket buffer): the requests due meanwhile go out late.
     */
    private static HttpTransport stallingOnce(long stallAt, long stallMillis) {
        AtomicLong seen = new AtomicLong();
        return (request, callback) -> {
            if (seen.getAndIncrement() == stallAt) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long now = System.nanoTime();
            callback.answered(202, "{\"orderId\":\"x\"}".getBytes(), now, now);
        };
    }

    @Test
    void shouldCountTheTimeRequestsWaitedBehindAStallFromWhenTheyWereDue() throws Exception {
        FixedRateLoad load = new FixedRateLoad(stallingOnce(10, 300), 202);

        LoadResult result = load.run(1000, 400, seq -> new byte[0], AnswerListener.NONE, Duration.ofSeconds(5));

        // ~300 requests were due during the stall; measured from due time they waited up to 300 ms.
        assertThat(result.sent()).isEqualTo(400);
        assertThat(result.accepted()).isEqualTo(400);
        assertThat(result.latency().maxMs()).isBetween(250.0, 1000.0);
        assertThat(result.latency().p50Ms()).isGreaterThan(20.0);
        assertThat(result.maxBehindMs()).isGreaterThan(250.0);
        // A client timing from the actual send sees nothing of it: this is what coordinated omission hides.
        assertThat(result.serviceTime().p99Ms()).isLessThan(50.0);
    }

    @Test
    void shouldKeepToTheRateWhenNothingStalls() throws Exception {
        FixedRateLoad load = new FixedRateLoad(stallingOnce(-1, 0), 202);
        long started = System.nanoTime();

        LoadResult result = load.run(500, 250, seq -> new byte[0], AnswerListener.NONE, Duration.ofSeconds(5));

        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).isBetween(0.45, 2.0);
        assertThat(result.latency().p50Ms()).isLessThan(50.0);
        assertThat(result.targetRate()).isEqualTo(500);
    }

    @Test
    void shouldCountUnexpectedStatusesAndUnusableAnswersApart() throws Exception {
        AtomicLong n = new AtomicLong();
        HttpTransport transport = (request, callback) -> {
            long i = n.getAndIncrement();
            long now = System.nanoTime();
            if (i % 10 == 0) {
                callback.answered(503, "busy".getBytes(), now, now);
            } else if (i % 10 == 1) {
                callback.failed(new java.io.IOException("reset"), now);
            } else {
                callback.answered(202, new byte[0], now, now);
            }
        };
        FixedRateLoad load = new FixedRateLoad(transport, 202);

        LoadResult result = load.run(2000, 100, seq -> new byte[0], (seq, due, body) -> seq % 10 != 2,
                Duration.ofSeconds(5));

        assertThat(result.rejected()).containsEntry(503, 10L);
        assertThat(result.failed()).isEqualTo(20);
        assertThat(result.accepted()).isEqualTo(70);
        assertThat(result.firstFailure()).isNotNull();
    }

    @Test
    void shouldPlaceRequestsOnAnEvenSchedule() {
        Schedule schedule = new Schedule(1_000, 4);

        assertThat(schedule.dueNanos(0)).isEqualTo(1_000);
        assertThat(schedule.dueNanos(3)).isEqualTo(1_000 + 750_000_000L);
        assertThat(Schedule.count(250, 60)).isEqualTo(15_000);
    }

    @Test
    void shouldAddTheMissingSamplesWhenOnlySendTimesAreKnown() {
        io.fastship.bench.stats.LatencyRecorder recorder = new io.fastship.bench.stats.LatencyRecorder();

        // One 100 ms answer where one every 10 ms was expected: HdrHistogram adds 90, 80, ... 10 ms.
        recorder.recordWithExpectedInterval(100_000_000L, 10_000_000L);

        assertThat(recorder.count()).isEqualTo(10);
        assertThat(recorder.summary().p50Ms()).isBetween(49.0, 61.0);
    }
}
