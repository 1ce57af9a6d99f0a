package io.fastship.localstack.process;

import java.time.Duration;

/**
 * One process of the local stack as {@code ./fastship status} lists it and {@code ./fastship fault} targets
 * it: a broker, the registry, the payment gateway or a service instance.
 */
public interface StackProcess {

    /** What a process is doing, as the control endpoint reports it. */
    enum State {
        RUNNING, PAUSED, RESTARTING, STOPPED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code broker-2}, {@code registry}, {@code gateway}, {@code payment-1}, ... */
    String name();

    /** {@code broker}, {@code registry}, {@code gateway}, {@code order}, {@code payment}, {@code inventory}. */
    String kindName();

    long pid();

    /** URL for HTTP processes, {@code host:port} for brokers. */
    String address();

    State state();

    /** SIGKILL; stays down until {@link #start()}. */
    void kill();

    /** Clean stop (SIGTERM, bounded); stays down until {@link #start()}. */
    void stop(Duration grace);

    /** Starts it again with the same identity, ports and data; returns once it is ready. */
    void start();

    void pause();

    void resume();

    /** Whether the launcher starts it again when it exits on its own. */
    boolean supervised();

    /** The underlying JVM when {@link #supervised()}, for the supervisor. */
    default JvmProcess jvm() {
        throw new UnsupportedOperationException(name() + " is not a supervised JVM");
    }

    /** Waits until it is ready after a start by the supervisor. */
    default void awaitReady() {
    }
}
