package io.fastship.localstack.broker;

import java.time.Duration;

import io.fastship.localstack.process.Signals;
import io.fastship.localstack.process.StackProcess;

/**
 * One node of a {@link KafkaCluster} across its restarts: the same node id, ports and data directory each
 * time, so a killed broker comes back as itself and catches up from its peers.
 */
public final class BrokerNode implements StackProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final BrokerConfig config;
    private volatile KafkaBroker current;
    private volatile boolean stopRequested;
    private volatile boolean paused;

    BrokerNode(KafkaBroker started) {
        this.config = started.config();
        this.current = started;
    }

    public int nodeId() {
        return config.membership().nodeId();
    }

    /** The broker process of the current run. */
    public KafkaBroker broker() {
        return current;
    }

    public BrokerConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "broker-" + nodeId();
    }

    @Override
    public String kindName() {
        return "broker";
    }

    @Override
    public long pid() {
        return current.pid();
    }

    @Override
    public String address() {
        return config.bootstrapServers();
    }

    public boolean isAlive() {
        return current.isAlive();
    }

    @Override
    public State state() {
        if (current.isAlive()) {
            return paused ? State.PAUSED : State.RUNNING;
        }
        return State.STOPPED;
    }

    @Override
    public void kill() {
        stopRequested = true;
        resumeIfPaused();
        current.kill();
    }

    @Override
    public void stop(Duration grace) {
        stopRequested = true;
        resumeIfPaused();
        current.requestStop();
        if (!current.awaitExit(grace)) {
            current.kill();
        }
    }

    /** SIGTERM without waiting, for a parallel stop of the whole cluster. */
    void requestStop() {
        stopRequested = true;
        resumeIfPaused();
        current.requestStop();
    }

    /** Starts the node again on its data directory and returns once it answers metadata requests. */
    @Override
    public synchronized void start() {
        if (current.isAlive()) {
            return;
        }
        current = KafkaBroker.start(config, READY_TIMEOUT);
        stopRequested = false;
        paused = false;
    }

    /** Whether it was stopped on purpose rather than exiting on its own. */
    public boolean stopRequested() {
        return stopRequested;
    }

    @Override
    public void pause() {
        Signals.send(pid(), "STOP");
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        Signals.send(pid(), "CONT");
    }

    private void resumeIfPaused() {
        if (paused && current.isAlive()) {
            resume();
        }
    }

    @Override
    public boolean supervised() {
        return false;
    }
}
