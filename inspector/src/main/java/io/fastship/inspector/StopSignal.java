package io.fastship.inspector;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for long-running commands: a shutdown hook that tells the loop to stop (and runs a wake-up
 * action, e.g. {@code consumer.wakeup()}), then gives the loop a bounded moment to finish its output.
 * Closing removes the hook, so commands run in-process leave nothing behind.
 */
public final class StopSignal implements AutoCloseable {

    private static final Duration FINISH_GRACE = Duration.ofSeconds(5);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    public StopSignal(Runnable wakeUp) {
        this.hook = new Thread(() -> {
            stop.countDown();
            wakeUp.run();
            try {
                finished.await(FINISH_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fastship-inspector-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public boolean stopped() {
        return stop.getCount() == 0;
    }

    /** Waits up to the duration; true if a stop came meanwhile. */
    public boolean awaitStop(Duration duration) {
        try {
            return stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running; it only waits for the countdown above.
        }
    }
}
