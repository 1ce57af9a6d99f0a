package io.fastship.chaos.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fastship.chaos.audit.AcceptedOrder;
import io.fastship.chaos.audit.AuditResult;
import io.fastship.chaos.audit.ClientsTold;
import io.fastship.chaos.audit.DeadLetterSeen;
import io.fastship.chaos.audit.Guarantee;
import io.fastship.chaos.audit.Violation;

/**
 * Splits an audit by fault window: each accepted order and each dead letter belongs to the window it happened in;
 * violations about an order go to that order's window, those about a SKU only to the totals.
 */
public final class ReportBuilder {

    /** A window has recovered when orders finish within this many times the baseline's median again. */
    private static final int RECOVERED_FACTOR = 3;
    private static final Duration RECOVERED_FLOOR = Duration.ofSeconds(2);
    private static final Set<Guarantee> DUPLICATES = Set.of(Guarantee.STATUS_ONCE, Guarantee.PAYMENT_ONCE,
            Guarantee.INVENTORY_ONCE);

    private ReportBuilder() {
    }

    public static AuditReport build(AuditResult result, List<FaultWindow> windows, long rejectedByHttp) {
        List<FaultWindow> sorted = new ArrayList<>(windows);
        if (sorted.isEmpty()) {
            sorted.add(new FaultWindow("run", Instant.EPOCH));
        }
        sorted.sort(java.util.Comparator.comparing(FaultWindow::start));
        Map<String, Integer> windowOfOrder = new HashMap<>();
        List<List<AcceptedOrder>> ordersByWindow = new ArrayList<>();
        sorted.forEach(w -> ordersByWindow.add(new ArrayList<>()));
        for (AcceptedOrder order : result.input().accepted()) {
            int index = indexOf(sorted, order.acceptedAt());
            windowOfOrder.put(order.orderId(), index);
            ordersByWindow.get(index).add(order);
        }
        long[][] counts = new long[sorted.size() + 1][8];
        for (Violation violation : result.violations()) {
            Integer index = violation.orderId() == null ? null : windowOfOrder.get(violation.orderId());
            int row = index == null ? sorted.size() : index;
            counts[row][column(violation)] += violation.guarantee() == Guarantee.STOCK_CONSERVED
                    || (violation.guarantee() == Guarantee.COMPENSATED && violation.units() > 0) ? 0 : 1;
            counts[row][5] += violation.units();
        }
        for (DeadLetterSeen letter : result.input().evidence().deadLetters()) {
            counts[indexOf(sorted, letter.at())][6]++;
        }
        Duration threshold = threshold(result, ordersByWindow.get(0));
        List<WindowRow> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            rows.add(row(sorted.get(i), ordersByWindow.get(i), counts[i], result, i == 0 ? null : threshold));
        }
        WindowRow totals = totals(rows, counts[sorted.size()]);
        ClientsTold told = result.input().clients();
        ClientsLine clients = new ClientsLine(told.watched().size(), told.sawFinal(), told.told().size(),
                totals.toldUncommitted());
        return new AuditReport(rows, totals, result.countsByGuarantee(), AuditReport.describe(result.violations()),
                rejectedByHttp, clients, result.passed());
    }

    /**
     * Columns of the counts: 0 lost, 1 duplicated, 2 charges, 3 unexpected dead letters, 4 other, 5 units, 6 letters,
     * 7 statuses told uncommitted.
     */
    private static int column(Violation violation) {
        return switch (violation.guarantee()) {
            case FINAL_STATUS -> 0;
            case STATUS_ONCE, PAYMENT_ONCE, INVENTORY_ONCE -> 1;
            case LEDGER -> 2;
            case DEAD_LETTERS_ONLY_POISON -> 3;
            case CLIENTS_SAW_COMMITTED -> 7;
            default -> 4;
        };
    }

    private static int indexOf(List<FaultWindow> windows, Instant at) {
        int index = 0;
        for (int i = 0; i < windows.size(); i++) {
            if (!at.isBefore(windows.get(i).start())) {
                index = i;
            }
        }
        return index;
    }

    private static Duration threshold(AuditResult result, List<AcceptedOrder> baseline) {
        List<Long> latencies = new ArrayList<>();
        for (AcceptedOrder order : baseline) {
            latency(result, order).ifPresent(latencies::add);
        }
        if (latencies.isEmpty()) {
            return RECOVERED_FLOOR;
        }
        latencies.sort(Long::compare);
        Duration median = Duration.ofMillis(latencies.get(latencies.size() / 2) * RECOVERED_FACTOR);
        return median.compareTo(RECOVERED_FLOOR) > 0 ? median : RECOVERED_FLOOR;
    }

    private static java.util.Optional<Long> latency(AuditResult result, AcceptedOrder order) {
        return result.finals().first(order.orderId())
                .map(s -> Duration.between(order.acceptedAt(), s.value().getOccurredAt()).toMillis());
    }

    private static WindowRow row(FaultWindow window, List<AcceptedOrder> orders, long[] counts, AuditResult result,
                                 Duration threshold) {
        long finals = orders.stream().filter(o -> result.finals().first(o.orderId()).isPresent()).count();
        long recover = threshold == null ? 0 : recovery(window, orders, result, threshold);
        long timeouts = orders.stream().filter(o -> result.timedOut(o.orderId())).count();
        Set<String> watchedIds = result.input().clients().watched();
        long watched = orders.stream().filter(o -> watchedIds.contains(o.orderId())).count();
        return new WindowRow(window.label(), orders.size(), finals, counts[0], counts[1], counts[2], counts[5],
                counts[6], counts[3], counts[4], watched, counts[7], timeouts, recover);
    }

    /** From the fault to the first order after which every order of the window finished within the threshold. */
    private static long recovery(FaultWindow window, List<AcceptedOrder> orders, AuditResult result, Duration threshold) {
        List<AcceptedOrder> sorted = new ArrayList<>(orders);
        sorted.sort(java.util.Comparator.comparing(AcceptedOrder::acceptedAt));
        Instant recoveredAt = null;
        for (AcceptedOrder order : sorted) {
            boolean fast = latency(result, order).filter(ms -> ms <= threshold.toMillis()).isPresent();
            if (!fast) {
                recoveredAt = null;
            } else if (recoveredAt == null) {
                recoveredAt = order.acceptedAt();
            }
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        return recoveredAt == null ? -1 : Math.max(0, Duration.between(window.start(), recoveredAt).toMillis());
    }

    private static WindowRow totals(List<WindowRow> rows, long[] unplaced) {
        long[] sum = new long[12];
        long recover = 0;
        for (WindowRow row : rows) {
            sum[0] += row.accepted();
            sum[1] += row.finals();
            sum[2] += row.lost();
            sum[3] += row.duplicated();
            sum[4] += row.chargeMismatches();
            sum[5] += row.stockDrift();
            sum[6] += row.deadLetters();
            sum[7] += row.unexpectedDeadLetters();
            sum[8] += row.otherViolations();
            sum[9] += row.timeouts();
            sum[10] += row.watched();
            sum[11] += row.toldUncommitted();
            recover = row.recoverMs() < 0 || recover < 0 ? -1 : Math.max(recover, row.recoverMs());
        }
        return new WindowRow("total", sum[0], sum[1], sum[2] + unplaced[0], sum[3] + unplaced[1],
                sum[4] + unplaced[2], sum[5] + unplaced[5], sum[6], sum[7] + unplaced[3], sum[8] + unplaced[4],
                sum[10], sum[11] + unplaced[7], sum[9], recover);
    }
}
