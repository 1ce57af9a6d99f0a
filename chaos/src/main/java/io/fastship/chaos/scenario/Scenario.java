package io.fastship.chaos.scenario;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import io.fastship.chaos.load.LoadSettings;

/**
 * One chaos run: the load, the faults and when they fire, how many poison records to inject, how long to wait
 * for the flow to settle afterwards, and the grace of the timeout check.
 */
public record Scenario(LoadSettings load, List<FaultAt> faults, int poison, Duration settle, Duration timeoutGrace,
                       String namespace) {

    public Scenario {
        faults = faults.stream().sorted(Comparator.comparing(FaultAt::at)).toList();
        if (poison < 0 || poison > 1000) {
            throw new IllegalArgumentException("--poison must be 0..1000, was " + poison);
        }
        namespace = namespace == null ? "" : namespace;
    }

    /** The default faults: every kind (restart, pause, down, kill) on a service, a broker and the registry. */
    public static List<FaultAt> defaultFaults() {
        return List.of(FaultAt.parse("10s:payment-1:restart"), FaultAt.parse("25s:broker-2:pause:15s"),
                FaultAt.parse("50s:registry:down:15s"), FaultAt.parse("75s:inventory-1:pause:10s"),
                FaultAt.parse("95s:broker-3:kill"));
    }
}
