package io.fastship.platform.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs the tasks of one batch, on the loop thread or a bounded pool, and waits for them at most the hard batch
 * timeout. Every task, must-run ones included, sees the batch deadline through {@link TaskBatch#shouldStop()}:
 * a must-run task is started however late it is (so every partition advances by its first record), but stops
 * after the record it is on once the deadline has passed, so one slow dependency cannot make the whole batch
 * run into the hard timeout and be aborted and repeated forever.
 */
final class TaskRunner implements AutoCloseable {

    private final TaskProcessor processor;
    private final Duration batchTimeout;
    private final String name;
    private final ExecutorService pool;

    TaskRunner(TaskProcessor processor, int parallelism, Duration batchTimeout, String name) {
        this.processor = processor;
        this.batchTimeout = batchTimeout;
        this.name = name;
        this.pool = parallelism > 1 ? Executors.newFixedThreadPool(parallelism, namedThreads(name)) : null;
    }

    /** One result per task, in task order; a task not started by the deadline (and not must-run) did nothing. */
    List<TaskResult> run(List<TaskBatch> tasks, Set<Integer> mustRun, BooleanSupplier pastDeadline)
            throws Exception {
        if (pool == null || tasks.size() == 1) {
            List<TaskResult> results = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                results.add(runTask(tasks.get(i), mustRun.contains(i), pastDeadline));
            }
            return results;
        }
        List<Future<TaskResult>> futures = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskBatch task = tasks.get(i);
            boolean must = mustRun.contains(i);
            futures.add(pool.submit(() -> runTask(task, must, pastDeadline)));
        }
        long deadline = System.nanoTime() + batchTimeout.toNanos();
        List<TaskResult> results = new ArrayList<>();
        try {
            for (Future<TaskResult> future : futures) {
                results.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("tasks of loop " + name + " still running after " + batchTimeout);
        } finally {
            // Results of abandoned tasks are never committed; their staged state dies with them.
            futures.forEach(future -> future.cancel(true));
        }
    }

    private TaskResult runTask(TaskBatch task, boolean mustRun, BooleanSupplier pastDeadline) throws Exception {
        if (!mustRun && pastDeadline.getAsBoolean()) {
            return new TaskResult(List.of(), 0, () -> { });
        }
        return processor.process(task);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory namedThreads(String name) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread worker = new Thread(runnable, name + "-task-" + next.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        };
    }
}
