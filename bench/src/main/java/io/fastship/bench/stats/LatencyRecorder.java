package io.fastship.bench.stats;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Records latencies from many threads at once, in microseconds with three significant digits. */
public final class LatencyRecorder {

    private final Histogram histogram = new ConcurrentHistogram(3);

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public LatencySummary summary() {
        return LatencySummary.of(histogram.copy());
    }
}
