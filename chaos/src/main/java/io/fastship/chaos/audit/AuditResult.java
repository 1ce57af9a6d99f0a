package io.fastship.chaos.audit;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The violations one audit found, with the input and final statuses it judged. */
public record AuditResult(AuditInput input, Finals finals, List<Violation> violations) {

    public AuditResult {
        violations = List.copyOf(violations);
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** Whether the order's first final status is CANCELLED for {@code timeout} (rightly or not). */
    public boolean timedOut(String orderId) {
        return finals.first(orderId).filter(s -> s.value().getStatus() == io.fastship.events.OrderStatus.CANCELLED
                && TimeoutCheck.isTimeout(s.value().getReason())).isPresent();
    }

    /** Violations per guarantee, every guarantee listed (0 when it held). */
    public Map<Guarantee, Long> countsByGuarantee() {
        Map<Guarantee, Long> counts = new EnumMap<>(Guarantee.class);
        for (Guarantee guarantee : Guarantee.values()) {
            counts.put(guarantee, violations.stream().filter(v -> v.guarantee() == guarantee).count());
        }
        return counts;
    }
}
