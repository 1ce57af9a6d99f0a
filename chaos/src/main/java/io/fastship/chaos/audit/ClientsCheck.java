package io.fastship.chaos.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fastship.events.OrderStatus;

/**
 * Clients are told committed statuses only: each status a watching client was told must be on {@code order-status}
 * as a read_committed reader sees it, and a final one must be the order's committed final. A status written by a
 * saga transaction that aborted is exactly one that is not there. Told statuses are snapshotted before the topics
 * are read, so anything rightly told was committed before the read. One violation per order and status, however
 * often a retried watch was told it.
 */
final class ClientsCheck implements Check {

    @Override
    public List<Violation> check(AuditInput input, Finals finals) {
        Set<String> judged = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        for (Told told : input.clients().told()) {
            if (!judged.add(told.orderId() + " " + told.status())) {
                continue;
            }
            boolean committed = finals.statuses(told.orderId()).stream()
                    .anyMatch(s -> s.value().getStatus().name().equals(told.status()));
            if (!committed) {
                violations.add(Violation.ofOrder(Guarantee.CLIENTS_SAW_COMMITTED, told.orderId(),
                        "a client was told " + told.status() + " at " + told.at()
                                + " but order-status has no committed " + told.status()));
                continue;
            }
            Optional<OrderStatus> finalStatus = finals.status(told.orderId());
            if (ClientsTold.isFinal(told.status()) && finalStatus.isPresent()
                    && !finalStatus.get().name().equals(told.status())) {
                violations.add(Violation.ofOrder(Guarantee.CLIENTS_SAW_COMMITTED, told.orderId(),
                        "a client was told final " + told.status() + " at " + told.at()
                                + " but the committed final is " + finalStatus.get()));
            }
        }
        return violations;
    }
}
