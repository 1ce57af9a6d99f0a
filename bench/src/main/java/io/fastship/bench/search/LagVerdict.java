package io.fastship.bench.search;

import java.util.List;

/**
 * Whether a consumer group kept up during a steady-rate window: over the window's second half its lag did not
 * grow faster than 5% of its input rate (a group that falls behind grows its lag by the rate it misses) to more
 * than a second of input, and
 * the last sample is under two seconds' worth of its input (plus a small floor for transaction markers). The
 * input rate is the growth of the end offsets of the partitions it reads over the window.
 */
public final class LagVerdict {

    /** One lag reading, {@code seconds} since the window opened. */
    public record Sample(double seconds, long lag, long inputEnd) {
    }

    static final double MAX_GROWTH_OF_RATE = 0.05;
    static final double MAX_SECONDS_BEHIND = 2.0;
    static final long FLOOR = 1000;
    static final long SMALL_LAG = 100;

    private LagVerdict() {
    }

    /** Null if bounded, else why not. */
    public static String unbounded(List<Sample> samples) {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.get(0);
        double end = samples.get(samples.size() - 1).seconds();
        double span = end - first.seconds();
        double recordsPerSecond = span <= 0 ? 0 : (samples.get(samples.size() - 1).inputEnd() - first.inputEnd()) / span;
        List<Sample> late = samples.stream().filter(s -> s.seconds() >= end / 2).toList();
        double slope = late.size() < 2 ? 0 : slope(late);
        long last = samples.get(samples.size() - 1).lag();
        // Growth counts once the lag is more than a second of input: a window's ramp-up from an idle group
        // to its steady lag (commit intervals, batches) is growth too, but bounded.
        if (slope > MAX_GROWTH_OF_RATE * recordsPerSecond + 1 && last > recordsPerSecond + SMALL_LAG) {
            return String.format(java.util.Locale.ROOT, "lag grew %.0f/s", slope);
        }
        if (last > MAX_SECONDS_BEHIND * recordsPerSecond + FLOOR) {
            return "lag " + last + " at the end";
        }
        return null;
    }

    /** Least-squares slope of lag over time. */
    static double slope(List<Sample> samples) {
        double n = samples.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample s : samples) {
            sx += s.seconds();
            sy += s.lag();
            sxx += s.seconds() * s.seconds();
            sxy += s.seconds() * s.lag();
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }
}
