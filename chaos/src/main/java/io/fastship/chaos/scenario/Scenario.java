package io.fastship.chaos.scenario;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import io.fastship.chaos.load.LoadSettings;

/**
 * One chaos run: the load, the faults and when they fire, how many poison records to inject, how long to wait
 * for the flow to settle afterwards, the grace of the timeout check and the stack's {@code ORDER_DEADLINE}.
 */
public record Scenario(LoadSettings load, List<FaultAt> faults, int poison, Duration settle, Duration timeoutGrace,
                       String namespace, Duration orderDeadline) {

    public Scenario {
        faults = faults.stream().sorted(Comparator.comparing(FaultAt::at)).toList();
        if (poison < 0 || poison > 1000) {
            throw new IllegalArgumentException("--poison must be 0..1000, was " + poison);
        }
        namespace = namespace == null ? "" : namespace;
        if (orderDeadline == null || orderDeadline.isNegative() || orderDeadline.isZero()) {
            throw new IllegalArgumentException("--order-deadline must be positive, was " + orderDeadline);
        }
    }

    /**
     * The default faults: every kind (restart, pause, down, kill) on a service, a broker and the registry, and the
     * fault rows the README's guarantees cite: the registry down 20 s while the order service and an inventory
     * instance restart, a broker paused 20 s, the order service paused 45 s (beyond the default 30 s deadline) and
     * the broker leading {@code orders} killed mid-load. The kill comes last: the cluster runs on two brokers after it.
     */
    public static List<FaultAt> defaultFaults() {
        return List.of(FaultAt.parse("10s:payment-1:restart"), FaultAt.parse("20s:registry:down:20s"),
                FaultAt.parse("23s:order-1:restart"), FaultAt.parse("26s:inventory-1:restart"),
                FaultAt.parse("55s:broker-2:pause:20s"), FaultAt.parse("85s:order-1:pause:45s"),
                FaultAt.parse("140s:" + OrdersLeader.TARGET + ":kill"));
    }
}
