package io.fastship.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Finds the highest sustainable rate by trying steady rates: doubling from {@code startRate} until one fails
 * (or {@code maxRate} holds), then halving the gap between the best rate that held and the lowest that failed
 * until it is within {@code resolution} of the former, or {@code maxSteps} rates were tried.
 */
public final class RateSearch {

    /** One rate tried and whether it held. */
    public record Trial(double rate, boolean sustained) {
    }

    private static final double MIN_GAP = 10;

    private final double startRate;
    private final double maxRate;
    private final double resolution;
    private final int maxSteps;
    private final List<Trial> trials = new ArrayList<>();
    private double best;
    private double lowestFailed = Double.NaN;

    public RateSearch(double startRate, double maxRate, double resolution, int maxSteps) {
        if (!(startRate > 0) || maxRate < startRate || !(resolution > 0) || maxSteps < 1) {
            throw new IllegalArgumentException("need 0 < start <= max, resolution > 0, steps >= 1; got " + startRate
                    + ", " + maxRate + ", " + resolution + ", " + maxSteps);
        }
        this.startRate = startRate;
        this.maxRate = maxRate;
        this.resolution = resolution;
        this.maxSteps = maxSteps;
    }

    /** The next rate to try, or empty when the search is done. */
    public OptionalDouble next() {
        if (trials.size() >= maxSteps) {
            return OptionalDouble.empty();
        }
        if (trials.isEmpty()) {
            return OptionalDouble.of(startRate);
        }
        if (Double.isNaN(lowestFailed)) {
            return best >= maxRate ? OptionalDouble.empty() : OptionalDouble.of(Math.min(maxRate, best * 2));
        }
        double gap = lowestFailed - best;
        if (gap <= Math.max(MIN_GAP, resolution * best)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.round((best + lowestFailed) / 2 / MIN_GAP) * MIN_GAP);
    }

    public void record(double rate, boolean sustained) {
        trials.add(new Trial(rate, sustained));
        if (sustained) {
            best = Math.max(best, rate);
        } else if (Double.isNaN(lowestFailed) || rate < lowestFailed) {
            lowestFailed = rate;
        }
    }

    /** The highest rate that held; 0 if none did. */
    public double sustainable() {
        return best;
    }

    public List<Trial> trials() {
        return List.copyOf(trials);
    }
}
