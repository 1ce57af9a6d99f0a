package io.fastship.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fastship.events.OrderCreated;
import io.fastship.events.PaymentEvent;
import io.fastship.events.PaymentStatus;

/**
 * The money invariant, checked against the gateway's ledger: an order AUTHORIZED and not refunded was charged
 * its total exactly once; a DECLINED or REFUNDED order nets 0; every order has exactly one event per status a
 * read_committed reader sees, and a final outcome.
 */
final class LedgerAudit {

    private LedgerAudit() {
    }

    /** Every way the invariant is broken, one line each; empty when it holds. */
    static List<String> mismatches(List<OrderCreated> orders, List<PaymentEvent> events, GatewayProcess gateway)
            throws Exception {
        Map<String, List<PaymentEvent>> byOrder = events.stream()
                .collect(Collectors.groupingBy(PaymentEvent::getOrderId));
        List<String> problems = new ArrayList<>();
        for (OrderCreated order : orders) {
            List<PaymentEvent> mine = byOrder.getOrDefault(order.getOrderId(), List.of());
            Map<PaymentStatus, Long> perStatus = new HashMap<>();
            mine.forEach(event -> perStatus.merge(event.getStatus(), 1L, Long::sum));
            perStatus.forEach((status, count) -> {
                if (count != 1) {
                    problems.add(order.getOrderId() + ": " + count + " " + status + " events");
                }
            });
            Set<PaymentStatus> statuses = perStatus.keySet();
            JsonNode ledger = gateway.order(order.getOrderId());
            long net = ledger.get("netMinor").asLong();
            long charged = ledger.get("chargedMinor").asLong();
            if (statuses.contains(PaymentStatus.REFUNDED) || statuses.contains(PaymentStatus.DECLINED)) {
                if (net != 0) {
                    problems.add(order.getOrderId() + ": " + statuses + " but the gateway keeps " + net);
                }
            } else if (statuses.contains(PaymentStatus.AUTHORIZED)) {
                if (net != order.getTotalMinor() || charged != order.getTotalMinor()) {
                    problems.add(order.getOrderId() + ": AUTHORIZED " + order.getTotalMinor() + " but charged "
                            + charged + ", net " + net);
                }
            } else {
                problems.add(order.getOrderId() + ": no outcome (gateway net " + net + ")");
            }
        }
        return problems;
    }

    /** True once every order has its final outcome: DECLINED or REFUNDED, or AUTHORIZED when not cancelled. */
    static boolean settled(List<OrderCreated> orders, Set<String> cancelled, List<PaymentEvent> events) {
        return unsettled(orders, cancelled, events).isEmpty();
    }

    /** The orders without their final outcome yet, each with the statuses it has (for a failure message). */
    static Map<String, Set<PaymentStatus>> unsettled(List<OrderCreated> orders, Set<String> cancelled,
                                                     List<PaymentEvent> events) {
        Map<String, Set<PaymentStatus>> byOrder = events.stream().collect(Collectors.groupingBy(
                PaymentEvent::getOrderId, Collectors.mapping(PaymentEvent::getStatus, Collectors.toSet())));
        Map<String, Set<PaymentStatus>> open = new LinkedHashMap<>();
        for (OrderCreated order : orders) {
            Set<PaymentStatus> statuses = byOrder.getOrDefault(order.getOrderId(), Set.of());
            boolean done = statuses.contains(PaymentStatus.DECLINED) || statuses.contains(PaymentStatus.REFUNDED)
                    || statuses.contains(PaymentStatus.AUTHORIZED) && !cancelled.contains(order.getOrderId());
            if (!done) {
                open.put(order.getOrderId() + (cancelled.contains(order.getOrderId()) ? " (cancelled)" : ""),
                        statuses);
            }
        }
        return open;
    }
}
