package io.fastship.platform.runtime;

/**
 * What the runtime does when a processing component cannot recover: end the process with a non-zero status so an
 * orchestrator restarts it. Injectable, so tests observe the exit instead of losing their JVM.
 */
@FunctionalInterface
public interface FatalExit {

    /** Ends the JVM; the shutdown hook then closes the service. */
    FatalExit SYSTEM = System::exit;

    void exit(int status);
}
