package io.fastship.bench.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastship.bench.flow.FinalStatuses;
import io.fastship.bench.stats.LatencyRecorder;
import io.fastship.bench.stats.LatencySummary;
import io.fastship.bench.stats.PercentilePoint;
import io.fastship.bench.stats.Rates;
import io.fastship.events.OrderStatus;

/**
 * From submit to the order's final status on the order-status topic, for every accepted order.
 *
 * @param missing          accepted orders with no final status when the bench stopped waiting (must be 0)
 * @param duplicates       final events seen twice or final statuses that changed (must be 0 for a read_committed
 *                         reader); a cancelled order announced again with a late outcome to compensate is not one
 * @param cancelledReasons cancelled orders by reason
 */
public record EndToEndPhase(long accepted, long completed, long confirmed, long cancelled,
                            Map<String, Long> cancelledReasons, long missing, long duplicates, double seconds,
                            double ordersPerSec, LatencySummary latency, List<PercentilePoint> latencyCurve) {

    public EndToEndPhase {
        cancelledReasons = Map.copyOf(cancelledReasons);
        latencyCurve = latencyCurve == null ? List.of() : List.copyOf(latencyCurve);
    }

    /** Matches the accepted orders ({@code submitNanos} by order id) with the final statuses seen. */
    public static EndToEndPhase of(Map<String, Long> submitNanos, Map<String, FinalStatuses.Final> finals,
                                   long duplicates) {
        return of(submitNanos, finals, duplicates, Long.MIN_VALUE);
    }

    /**
     * As {@link #of(Map, Map, long)}, but an order still without a final status counts in the latency with the
     * time from its submit to {@code gaveUpNanos} (a lower bound), so a p99 cannot look good by leaving the slow
     * ones out; {@code Long.MIN_VALUE} leaves them out of the percentiles.
     */
    public static EndToEndPhase of(Map<String, Long> submitNanos, Map<String, FinalStatuses.Final> finals,
                                   long duplicates, long gaveUpNanos) {
        LatencyRecorder latency = new LatencyRecorder();
        Map<String, Long> reasons = new HashMap<>();
        long confirmed = 0;
        long cancelled = 0;
        long firstSubmit = Long.MAX_VALUE;
        long lastSeen = Long.MIN_VALUE;
        for (Map.Entry<String, Long> order : submitNanos.entrySet()) {
            firstSubmit = Math.min(firstSubmit, order.getValue());
            FinalStatuses.Final outcome = finals.get(order.getKey());
            if (outcome == null) {
                if (gaveUpNanos != Long.MIN_VALUE) {
                    latency.record(gaveUpNanos - order.getValue());
                }
                continue;
            }
            latency.record(outcome.seenNanos() - order.getValue());
            lastSeen = Math.max(lastSeen, outcome.seenNanos());
            if (outcome.status() == OrderStatus.CONFIRMED) {
                confirmed++;
            } else {
                cancelled++;
                reasons.merge(outcome.reason() == null ? "(no reason)" : outcome.reason(), 1L, Long::sum);
            }
        }
        long completed = confirmed + cancelled;
        long span = completed == 0 ? 0 : lastSeen - firstSubmit;
        return new EndToEndPhase(submitNanos.size(), completed, confirmed, cancelled, reasons,
                submitNanos.size() - completed, duplicates, span / 1e9, Rates.perSecond(completed, span),
                latency.summary(), latency.curve());
    }
}
