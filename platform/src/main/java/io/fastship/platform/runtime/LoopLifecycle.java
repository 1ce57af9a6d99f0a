package io.fastship.platform.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fastship.platform.http.Health;
import io.fastship.platform.processing.LoopState;
import io.fastship.platform.processing.TransactionalLoop;

/**
 * Runs a {@link TransactionalLoop} for a {@link ServiceRuntime}: started, reported as readiness, watched for the
 * FAILED state (fenced, not authorized...), which is fatal for the process under the runtime's one failure policy.
 */
final class LoopLifecycle {

    private static final long WATCH_INTERVAL_MS = 200;

    private LoopLifecycle() {
    }

    static TransactionalLoop start(ServiceRuntime runtime, TransactionalLoop loop) {
        runtime.own("loop", loop).start();
        runtime.health("kafka", () -> health(loop));
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, runtime.serviceId() + "-loop-watcher");
            thread.setDaemon(true);
            return thread;
        });
        // Registered after the loop, so closed before it: a loop stopped by close() is never mistaken for a failure.
        runtime.own("loop-watcher", watcher::shutdownNow);
        watcher.scheduleWithFixedDelay(() -> {
            if (loop.state() == LoopState.FAILED) {
                Throwable failure = loop.failure();
                runtime.failed("loop", failure == null ? "FAILED" : failure.toString());
            }
        }, WATCH_INTERVAL_MS, WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        return loop;
    }

    static Health health(TransactionalLoop loop) {
        LoopState state = loop.state();
        String detail = state + ", " + loop.assignedPartitions() + " partition(s), lag " + loop.lag();
        if (state == LoopState.RUNNING) {
            return Health.up(detail);
        }
        Throwable failure = loop.failure();
        return Health.down(failure == null ? detail : detail + ": " + failure);
    }
}
