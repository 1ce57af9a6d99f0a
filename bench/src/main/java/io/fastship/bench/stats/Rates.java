package io.fastship.bench.stats;

/** Throughput and ratio arithmetic that never divides by zero. */
public final class Rates {

    private Rates() {
    }

    /** Events per second; 0 when no time passed. */
    public static double perSecond(long events, long nanos) {
        return nanos <= 0 ? 0 : events * 1_000_000_000.0 / nanos;
    }

    /** {@code part / whole}, or 0 when {@code whole} is 0. */
    public static double ratio(double part, double whole) {
        return whole == 0 ? 0 : part / whole;
    }
}
