package io.fastship.bench.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows how far a phase is, on stderr: a bar redrawn in place on a terminal, else a line every few seconds,
 * so a log file stays readable. Also prints the phase notes ({@link #note}).
 */
public final class Progress implements AutoCloseable {

    private final PrintStream out;
    private final boolean terminal;
    private final ScheduledExecutorService ticker;
    private ScheduledFuture<?> current;
    private Runnable finalLine = () -> { };

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-progress");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** On a terminal when the JVM has a console (stdin and stdout are terminals); good enough for a hint. */
    public static Progress onStderr() {
        return new Progress(System.err, System.console() != null);
    }

    /** Starts showing a phase of {@code total} steps; {@code done} is read on every refresh. */
    public synchronized void start(String label, long total, LongSupplier done) {
        stop();
        long started = System.nanoTime();
        Runnable show = () -> show(label, done.getAsLong(), total, System.nanoTime() - started, false);
        finalLine = () -> show(label, done.getAsLong(), total, System.nanoTime() - started, true);
        Duration every = terminal ? Duration.ofMillis(250) : Duration.ofSeconds(5);
        current = ticker.scheduleAtFixedRate(show, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends the current phase with its final state. */
    public synchronized void stop() {
        if (current != null) {
            current.cancel(false);
            current = null;
            finalLine.run();
        }
    }

    /** One line of narration between phases. */
    public synchronized void note(String text) {
        out.println(text);
        out.flush();
    }

    private synchronized void show(String label, long done, long total, long elapsed, boolean last) {
        if (terminal) {
            out.print("\r" + ProgressLine.bar(label, done, total, elapsed) + (last ? "\n" : ""));
        } else {
            out.println(ProgressLine.plain(label, done, total, elapsed));
        }
        out.flush();
    }

    @Override
    public void close() {
        stop();
        ticker.shutdownNow();
    }
}
