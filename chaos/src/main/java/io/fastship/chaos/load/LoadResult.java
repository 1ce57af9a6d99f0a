package io.fastship.chaos.load;

import java.util.List;
import java.util.Map;

import io.fastship.chaos.audit.AcceptedOrder;

/** What the order service answered: the orders it accepted (202) and how many requests it refused, by reason. */
public record LoadResult(List<AcceptedOrder> accepted, Map<String, Integer> refused) {

    public LoadResult {
        accepted = List.copyOf(accepted);
        refused = Map.copyOf(refused);
    }

    public long refusedCount() {
        return refused.values().stream().mapToLong(Integer::longValue).sum();
    }
}
