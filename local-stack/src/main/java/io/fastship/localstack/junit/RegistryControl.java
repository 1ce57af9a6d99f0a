package io.fastship.localstack.junit;

/** The schema registry a test stack runs, which a test can take away and bring back (a registry outage). */
public interface RegistryControl {

    /** Base URL; the same across {@link #stop()} and {@link #start()}. */
    String url();

    /** Stops serving; clients get connection refused until {@link #start()}. */
    void stop();

    /** Serves again on the same port, from the same schemas topic; returns once it answers. */
    void start();

    boolean isRunning();
}
