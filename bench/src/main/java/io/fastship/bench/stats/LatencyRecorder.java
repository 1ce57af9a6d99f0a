package io.fastship.bench.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** Records latencies from many threads at once, in microseconds with three significant digits. */
public final class LatencyRecorder {

    private final Histogram histogram = new ConcurrentHistogram(3);

    public void record(long nanos) {
        histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    /**
     * Records a latency measured from when the request was actually sent, adding the samples a stalled sender
     * never took (HdrHistogram's coordinated-omission correction), for callers that cannot know intended times.
     */
    public void recordWithExpectedInterval(long nanos, long expectedIntervalNanos) {
        histogram.recordValueWithExpectedInterval(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)),
                Math.max(1, TimeUnit.NANOSECONDS.toMicros(expectedIntervalNanos)));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public LatencySummary summary() {
        return LatencySummary.of(histogram.copy());
    }

    /** The percentile curve (HdrHistogram's percentile iteration, 5 steps per halving of the tail) in ms. */
    public List<PercentilePoint> curve() {
        Histogram copy = histogram.copy();
        List<PercentilePoint> points = new ArrayList<>();
        if (copy.getTotalCount() == 0) {
            return points;
        }
        for (HistogramIterationValue value : copy.percentiles(5)) {
            double percentile = value.getPercentileLevelIteratedTo();
            points.add(new PercentilePoint(percentile, value.getValueIteratedTo() / 1000.0));
            if (percentile >= 100.0) {
                break;
            }
        }
        return points;
    }
}
