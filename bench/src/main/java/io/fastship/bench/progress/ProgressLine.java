package io.fastship.bench.progress;

import java.util.Locale;

/** How one progress report looks: a bar for a terminal, a plain line for logs. */
public final class ProgressLine {

    private static final int BAR_WIDTH = 30;

    private ProgressLine() {
    }

    /** {@code intake    [#########.........]  30%  15000/50000  2,980/s  5.0s}, redrawn in place. */
    public static String bar(String label, long done, long total, long elapsedNanos) {
        double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format(Locale.ROOT, "%-12s [%s%s] %3d%%  %d/%d  %s/s  %.1fs", label, "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled), Math.round(fraction * 100), done, total,
                rate(done, elapsedNanos), elapsedNanos / 1e9);
    }

    /** {@code intake: 15000/50000 (30%), 2980/s, 5.0s}, for output that is not a terminal. */
    public static String plain(String label, long done, long total, long elapsedNanos) {
        long percent = total <= 0 ? 0 : Math.round(Math.min(1.0, (double) done / total) * 100);
        return String.format(Locale.ROOT, "%s: %d/%d (%d%%), %s/s, %.1fs", label, done, total, percent,
                rate(done, elapsedNanos), elapsedNanos / 1e9);
    }

    private static String rate(long done, long elapsedNanos) {
        return elapsedNanos <= 0 ? "0" : String.format(Locale.ROOT, "%.0f", done * 1e9 / elapsedNanos);
    }
}
