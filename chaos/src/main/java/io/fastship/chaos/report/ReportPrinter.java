package io.fastship.chaos.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fastship.chaos.audit.Guarantee;

/** Prints the audit as a table (one row per fault window, then totals and the guarantees) or writes it as JSON. */
public final class ReportPrinter {

    private static final String[] HEADERS = {"window", "accepted", "final", "lost", "duplicated", "charge mismatch",
            "stock drift", "dead letters", "unexpected DLQ", "other", "watched", "told uncommitted", "timeouts",
            "recovered in"};

    private ReportPrinter() {
    }

    public static String table(AuditReport report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADERS);
        report.rows().forEach(row -> lines.add(cells(row)));
        lines.add(cells(report.totals()));
        int[] widths = new int[HEADERS.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            if (l == lines.size() - 1) {
                out.append("-".repeat(java.util.Arrays.stream(widths).sum() + 2 * widths.length)).append('\n');
            }
            String[] line = lines.get(l);
            for (int i = 0; i < line.length; i++) {
                out.append(i == 0 ? pad(line[i], widths[i], true) : pad(line[i], widths[i], false)).append("  ");
            }
            out.setLength(out.length() - 2);
            out.append('\n');
        }
        out.append('\n');
        for (Map.Entry<Guarantee, Long> entry : report.guarantees().entrySet()) {
            out.append(entry.getValue() == 0 ? "  held      " : "  VIOLATED  ").append(pad(entry.getKey().name(), 25, true))
                    .append(entry.getValue() == 0 ? "" : entry.getValue() + " x  ").append(entry.getKey().description())
                    .append('\n');
        }
        out.append("  (").append(report.clients().describe()).append(")\n");
        if (report.rejectedByHttp() > 0) {
            out.append("  (").append(report.rejectedByHttp()).append(" order requests were refused over HTTP; "
                    + "a refusal is an honest answer, not a loss)\n");
        }
        report.violations().forEach(v -> out.append("  ! ").append(v).append('\n'));
        out.append(report.passed() ? "AUDIT PASSED\n" : "AUDIT FAILED\n");
        return out.toString();
    }

    public static void writeJson(AuditReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String[] cells(WindowRow row) {
        return new String[] {row.window(), n(row.accepted()), n(row.finals()), n(row.lost()), n(row.duplicated()),
                n(row.chargeMismatches()), n(row.stockDrift()), n(row.deadLetters()), n(row.unexpectedDeadLetters()),
                n(row.otherViolations()), n(row.watched()), n(row.toldUncommitted()), n(row.timeouts()), row.recoverMs() < 0 ? "not recovered"
                        : String.format(java.util.Locale.ROOT, "%.1fs", row.recoverMs() / 1000.0)};
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String pad(String text, int width, boolean left) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return left ? text + spaces : spaces + text;
    }
}
