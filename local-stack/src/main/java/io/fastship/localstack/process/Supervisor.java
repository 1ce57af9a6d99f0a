package io.fastship.localstack.process;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Restarts, as an orchestrator would, every supervised process that exited on its own (its failure policy
 * gave up, it crashed), with {@link RestartBackoff}; one stopped on purpose (a {@code kill} or {@code down}
 * fault, scaling down, the stack stopping) stays down. Every restart is recorded in the {@link EventLog}.
 */
public final class Supervisor implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Supplier<List<StackProcess>> processes;
    private final RestartBackoff backoff;
    private final EventLog events;
    private final ScheduledExecutorService scheduler;
    private final java.util.concurrent.ExecutorService restarts;
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Set<String> pending = new HashSet<>();
    private volatile boolean closed;

    public Supervisor(Supplier<List<StackProcess>> processes, RestartBackoff backoff, EventLog events) {
        this.processes = processes;
        this.backoff = backoff;
        this.events = events;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "fastship-supervisor"));
        // Waiting for a restarted process to be ready must not hold up noticing the next exit.
        this.restarts = Executors.newCachedThreadPool(runnable -> daemon(runnable, "fastship-restart"));
        scheduler.scheduleWithFixedDelay(this::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void check() {
        if (closed) {
            return;
        }
        for (StackProcess process : processes.get()) {
            if (!process.supervised() || pending.contains(process.name())) {
                continue;
            }
            JvmProcess jvm = process.jvm();
            if (jvm.isAlive() || jvm.stopRequested()) {
                continue;
            }
            int attempt = backoff.nextAttempt(attempts.getOrDefault(process.name(), 0), jvm.uptime());
            attempts.put(process.name(), attempt);
            Duration delay = backoff.delay(attempt);
            pending.add(process.name());
            events.record(String.format("%s exited on its own (exit %s after %d s); restart #%d in %d ms",
                    process.name(), jvm.exitCode().map(String::valueOf).orElse("?"), jvm.uptime().toSeconds(),
                    attempt, delay.toMillis()));
            scheduler.schedule(() -> restarts.execute(() -> restart(process)), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart(StackProcess process) {
        try {
            JvmProcess jvm = process.jvm();
            if (closed || jvm.isAlive() || jvm.stopRequested()) {
                return;
            }
            jvm.start();
            events.record(String.format("%s restarted by the supervisor (pid %d)", process.name(), jvm.pid()));
            process.awaitReady();
            events.record(String.format("%s is ready again", process.name()));
        } catch (RuntimeException e) {
            events.record(String.format("%s did not come back: %s", process.name(),
                    String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        } finally {
            synchronized (this) {
                pending.remove(process.name());
            }
        }
    }

    /** Stops supervising first, so the stack's own stop is never mistaken for a crash. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        restarts.shutdownNow();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
