package io.fastship.order.intake;

/** Events per second over the last few whole seconds, in one bucket per second (thread-safe). */
final class FinishRate {

    private final long[] counts;
    private final long[] seconds;

    FinishRate(int windowSeconds) {
        this.counts = new long[windowSeconds];
        this.seconds = new long[windowSeconds];
    }

    synchronized void record(long nowMillis) {
        long second = nowMillis / 1_000;
        int slot = (int) (second % counts.length);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** The mean over the window's whole seconds before the current one, so a second just begun does not drag it down. */
    synchronized double perSecond(long nowMillis) {
        long current = nowMillis / 1_000;
        long total = 0;
        for (int slot = 0; slot < counts.length; slot++) {
            long age = current - seconds[slot];
            if (age >= 1 && age <= counts.length - 1) {
                total += counts[slot];
            }
        }
        return total / (double) (counts.length - 1);
    }
}
