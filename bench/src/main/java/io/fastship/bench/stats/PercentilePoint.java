package io.fastship.bench.stats;

/** One point of a latency percentile curve: {@code percentile}% of the values were at most {@code ms}. */
public record PercentilePoint(double percentile, double ms) {
}
