package io.fastship.localstack.fault;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.fastship.localstack.process.EventLog;
import io.fastship.localstack.process.StackProcess;

/**
 * Carries out {@link Fault}s on the stack's processes and records each, with its timestamp, in the
 * {@link EventLog}; the second half of a {@code pause} or {@code down} runs on a timer.
 */
public final class FaultInjector implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Supplier<List<StackProcess>> processes;
    private final EventLog events;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fastship-faults");
        thread.setDaemon(true);
        return thread;
    });

    public FaultInjector(Supplier<List<StackProcess>> processes, EventLog events) {
        this.processes = processes;
        this.events = events;
    }

    /** Finds the target, or fails naming the processes there are. */
    public StackProcess target(String name) {
        List<StackProcess> all = processes.get();
        return all.stream().filter(process -> process.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownTargetException(name, all.stream().map(StackProcess::name).toList()));
    }

    /** Injects the fault; returns once its first half is done (killed, restarted and ready, paused, stopped). */
    public void inject(Fault fault) {
        StackProcess process = target(fault.target());
        events.record(String.format("fault: %s (pid %d)", fault.describe(), process.pid()));
        switch (fault.action()) {
            case KILL -> process.kill();
            case RESTART -> {
                process.kill();
                startAgain(process, "is back");
            }
            case PAUSE -> {
                process.pause();
                later(fault, () -> {
                    if (process.state() == StackProcess.State.PAUSED) {
                        process.resume();
                        events.record(String.format("fault: %s resumed (pid %d)", process.name(), process.pid()));
                    }
                });
            }
            case DOWN -> {
                process.stop(STOP_GRACE);
                events.record(String.format("fault: %s is down", process.name()));
                later(fault, () -> startAgain(process, "is up again"));
            }
        }
    }

    /**
     * Starts the process again and waits until it is ready. One that exits before it is ready (its failure policy
     * gave up while a dependency is away) is not the fault's to give up on: it exited on its own, so the supervisor
     * restarts it with backoff, as an orchestrator would, and the fault is over.
     */
    private void startAgain(StackProcess process, String back) {
        try {
            process.start();
            events.record(String.format("fault: %s %s (pid %d)", process.name(), back, process.pid()));
        } catch (RuntimeException e) {
            if (!process.supervised() || process.jvm().isAlive() || process.jvm().stopRequested()) {
                throw e;
            }
            events.record(String.format("fault: %s exited before it was ready (%s); the supervisor restarts it",
                    process.name(), String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
    }

    private void later(Fault fault, Runnable action) {
        timer.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                events.record(String.format("fault: ending %s failed: %s", fault.describe(),
                        String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            }
        }, fault.duration().orElseThrow().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pending resumes and restarts are dropped: the stack is stopping. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
