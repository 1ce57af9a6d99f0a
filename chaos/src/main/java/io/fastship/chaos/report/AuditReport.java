package io.fastship.chaos.report;

import java.util.List;
import java.util.Map;

import io.fastship.chaos.audit.Guarantee;
import io.fastship.chaos.audit.Violation;

/**
 * The result of a chaos run as printed and written to {@code --json}: one row per fault window, totals, what the
 * watching clients saw, violations.
 */
public record AuditReport(List<WindowRow> rows, WindowRow totals, Map<Guarantee, Long> guarantees,
                          List<String> violations, long rejectedByHttp, ClientsLine clients, boolean passed) {

    /** How many violation lines the report keeps; the counts stay exact. */
    public static final int MAX_LISTED = 200;

    public static List<String> describe(List<Violation> violations) {
        return violations.stream().limit(MAX_LISTED).map(Violation::describe).toList();
    }
}
