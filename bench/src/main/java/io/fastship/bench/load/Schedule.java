package io.fastship.bench.load;

/** When each request of a fixed-rate run is due: request {@code i} at {@code start + i / rate}. */
public record Schedule(long startNanos, double perSecond) {

    public Schedule {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0, was " + perSecond);
        }
    }

    public long dueNanos(long i) {
        return startNanos + (long) (i * 1e9 / perSecond);
    }

    /** Requests due within {@code seconds} seconds. */
    public static long count(double perSecond, double seconds) {
        return Math.max(1, Math.round(perSecond * seconds));
    }
}
