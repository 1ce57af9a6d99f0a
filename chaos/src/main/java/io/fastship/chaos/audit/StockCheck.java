package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stock is conserved per SKU: the units operations put in (initial) equal available + reserved (+ sold, which does
 * not exist yet) in the auditor's replay, neither negative, and the inventory service's own
 * count, when it can be asked, is the same as the replay's.
 */
final class StockCheck implements Check {

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        StockModel model = new StockModel(input.evidence().stock(), input.evidence().inventory());
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, StockModel.Level> entry : model.levels().entrySet()) {
            String sku = entry.getKey();
            StockModel.Level level = entry.getValue();
            // Streams stamps occurredAt from a cached clock, so a reservation and its release can share a millisecond
            // and replay out of order for a moment: only a count that ends below zero is a broken promise.
            if (level.negativeAt != null && (level.available < 0 || level.reserved < 0)) {
                violations.add(new Violation(Guarantee.STOCK_CONSERVED, null, sku, "negative: " + level.negativeAt,
                        Math.abs(Math.min(0, Math.min(level.available, level.reserved))), 0));
            }
            if (input.stockLevels().isEmpty()) {
                continue;
            }
            Optional<StockLevels.Level> reported = input.stockLevels().get().of(sku);
            if (reported.isEmpty()) {
                violations.add(new Violation(Guarantee.STOCK_CONSERVED, null, sku, "unknown to the inventory service,"
                        + " the topics hold " + level.available + " available, " + level.reserved + " reserved",
                        level.total(), 0));
                continue;
            }
            long available = reported.get().available();
            long reserved = reported.get().reserved();
            long drift = Math.abs(available - level.available) + Math.abs(reserved - level.reserved);
            if (drift != 0) {
                violations.add(new Violation(Guarantee.STOCK_CONSERVED, null, sku, "initial " + level.initial
                        + ": the service counts " + available + " available + " + reserved + " reserved, the topics "
                        + level.available + " + " + level.reserved, drift, 0));
            }
        }
        return violations;
    }
}
