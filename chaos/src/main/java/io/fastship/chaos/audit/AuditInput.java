package io.fastship.chaos.audit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the auditor judges: the evidence from the topics, the orders the scenario was told were accepted, the
 * poison keys it injected on purpose, (when reachable) the gateway's ledger and the inventory's own counts, and
 * what the clients watching a sample of the orders were told.
 */
public record AuditInput(Evidence evidence, List<AcceptedOrder> accepted, Set<String> poisonKeys,
                         Optional<Ledger> ledger, Optional<StockLevels> stockLevels, ClientsTold clients) {

    public AuditInput {
        accepted = List.copyOf(accepted);
        poisonKeys = Set.copyOf(poisonKeys);
        Objects.requireNonNull(clients, "clients");
    }

    /** An input without watching clients. */
    public AuditInput(Evidence evidence, List<AcceptedOrder> accepted, Set<String> poisonKeys,
                      Optional<Ledger> ledger, Optional<StockLevels> stockLevels) {
        this(evidence, accepted, poisonKeys, ledger, stockLevels, ClientsTold.NONE);
    }
}
