package io.fastship.chaos.scenario;

import java.util.Set;

import io.fastship.localstack.fault.Fault;

/** Where faults go: the control endpoint of a running stack, or a stack this JVM started. */
public interface FaultSink {

    /** Injects the fault; returns once the launcher took it (a pause or down ends on the launcher's clock). */
    void fire(Fault fault);

    /** Names of the processes faults can target, as {@code ./fastship status} lists them. */
    Set<String> targets();
}
