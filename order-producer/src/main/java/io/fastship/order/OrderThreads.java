package io.fastship.order;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The order service's own daemon threads: timers (waits, health checks, query retries), the one thread that
 * notifies watchers off the Streams thread, the small pool that forwards queries to other instances, and the one that
 * answers {@code POST /orders} once Kafka acknowledged (off the producer's I/O thread).
 */
final class OrderThreads implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, daemon("order-timers"));
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(daemon("order-watchers"));
    private final ExecutorService forwarding = Executors.newFixedThreadPool(2, daemon("order-forwarding"));
    private final ExecutorService answers = Executors.newFixedThreadPool(2, daemon("order-answers"));

    OrderThreads() {
        // Finished waits cancel their timers; without this the cancelled timers would sit in the queue.
        timers.setRemoveOnCancelPolicy(true);
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    ExecutorService notifier() {
        return notifier;
    }

    ExecutorService forwarding() {
        return forwarding;
    }

    ExecutorService answers() {
        return answers;
    }

    @Override
    public void close() {
        answers.shutdownNow();
        forwarding.shutdownNow();
        notifier.shutdownNow();
        timers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
