package io.fastship.chaos.audit;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the auditor judges: the evidence from the topics, the orders the scenario was told were accepted, the
 * poison keys it injected on purpose, and (when reachable) the gateway's ledger and the inventory's own counts.
 */
public record AuditInput(Evidence evidence, List<AcceptedOrder> accepted, Set<String> poisonKeys,
                         Optional<Ledger> ledger, Optional<StockLevels> stockLevels) {

    public AuditInput {
        accepted = List.copyOf(accepted);
        poisonKeys = Set.copyOf(poisonKeys);
    }
}
