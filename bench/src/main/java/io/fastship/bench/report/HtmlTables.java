package io.fastship.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.fastship.bench.cpu.CpuTable;
import io.fastship.bench.flow.BrokerWrites;

/** The HTML body of the report: figures, tables, and the canvases the charts are drawn on. */
final class HtmlTables {

    private HtmlTables() {
    }

    static void body(StringBuilder html, BenchReport report) {
        MachineInfo machine = report.machine();
        html.append("<h1>FastShip benchmark</h1>\n<p>").append(escape(report.startedAt())).append(" &middot; ")
                .append(machine.cores()).append(" cores, Java ").append(escape(machine.javaVersion()))
                .append(", ").append(escape(machine.os())).append("<br>").append(escape(report.stack()))
                .append("</p>\n");
        figures(html, report);
        if (report.halfLoad() != null) {
            html.append("<h2>Latency at half the sustainable rate</h2>\n<div class=\"chart\">")
                    .append("<canvas id=\"latency-curve\"></canvas></div>\n");
        }
        html.append("<h2>Throughput over the run</h2>\n<div class=\"chart\"><canvas id=\"throughput\"></canvas></div>\n")
                .append("<h2>Consumer group lag over the run</h2>\n<div class=\"chart\">")
                .append("<canvas id=\"lag\"></canvas></div>\n");
        search(html, report.search());
        if (report.halfLoad() != null) {
            cpu(html, "CPU per order at half load", report.halfLoad().cpu());
            writes(html, report.halfLoad().brokerWrites());
        }
        if (report.intake() != null) {
            cpu(html, "CPU per order during the closed-loop intake", report.intake().cpu());
        }
        soak(html, report.soak());
        if (!report.notes().isEmpty()) {
            html.append("<h2>Notes</h2>\n<ul>");
            report.notes().forEach(note -> html.append("<li>").append(escape(note)).append("</li>"));
            html.append("</ul>\n");
        }
    }

    private static void figures(StringBuilder html, BenchReport report) {
        html.append("<h2>Figures</h2>\n<table>");
        row(html, "HTTP ceiling (GET /health/live), requests/s", num(report.httpCeiling(), 0));
        row(html, "intake / ceiling", num(report.intakeToCeiling(), 3));
        row(html, "sustainable orders/s", num(report.sustainableOrdersPerSecond(), 0));
        if (report.endToEnd() != null) {
            var e2e = report.endToEnd().latency();
            row(html, "end to end at half load, p50 / p95 / p99 / max ms", num(e2e.p50Ms(), 1) + " / "
                    + num(e2e.p95Ms(), 1) + " / " + num(e2e.p99Ms(), 1) + " / " + num(e2e.maxMs(), 1));
        }
        if (report.cpuMsPerOrder() != null) {
            row(html, "CPU ms per order, stack (" + report.cpuMsPerOrder().phase() + ")",
                    num(report.cpuMsPerOrder().total(), 3));
            row(html, "CPU ms per order, bench / its HTTP client thread", num(report.cpuMsPerOrder().bench(), 3)
                    + " / " + num(report.cpuMsPerOrder().client(), 3));
        }
        html.append("</table>\n");
    }

    private static void search(StringBuilder html, SearchPhase search) {
        if (search == null) {
            return;
        }
        html.append("<h2>Sustainable-rate search</h2>\n<p>Each rate for ").append(num(search.windowSeconds(), 0))
                .append(" s; it holds when every group's lag stays bounded and end-to-end p99 is under ")
                .append(num(search.endToEndLimitMs(), 0)).append(" ms.</p>\n<table><tr><th>orders/s</th><th>holds</th>")
                .append("<th>e2e p99 ms</th><th>HTTP p99 ms</th><th>accepted</th><th>max lag</th><th>why not</th></tr>");
        for (SearchPhase.Step step : search.steps()) {
            html.append("<tr><td>").append(num(step.rate(), 0)).append("</td><td>").append(step.sustained() ? "yes" : "no")
                    .append("</td><td>").append(num(step.endToEnd().p99Ms(), 1)).append("</td><td>")
                    .append(num(step.httpLatency().p99Ms(), 1)).append("</td><td>").append(step.accepted()).append('/')
                    .append(step.sent()).append("</td><td>").append(escape(step.maxLag().toString())).append("</td><td>")
                    .append(escape(step.reason() == null ? "" : step.reason())).append("</td></tr>");
        }
        html.append("</table>\n");
    }

    private static void cpu(StringBuilder html, String title, CpuTable cpu) {
        html.append("<h2>").append(escape(title)).append("</h2>\n<p>").append(cpu.orders()).append(" orders over ")
                .append(num(cpu.seconds(), 1)).append(" s, utime+stime from /proc/&lt;pid&gt;/stat; stack total ")
                .append(num(cpu.totalMsPerOrder(), 3)).append(" ms/order, ").append(num(cpu.totalCores(), 2))
                .append(" cores; without the JIT compiler threads ").append(num(cpu.withoutJitMsPerOrder(), 3))
                .append(" ms/order.</p>\n<table><tr><th>process</th><th>pid</th><th>CPU s</th><th>ms/order</th>")
                .append("<th>cores</th><th>JIT ms/order</th></tr>");
        for (CpuTable.Row row : cpu.processes()) {
            html.append("<tr><td>").append(escape(row.name())).append(row.stack() ? "" : " (not in the stack total)").append("</td><td>")
                    .append(row.pid()).append("</td><td>").append(num(row.cpuSeconds(), 2)).append("</td><td>")
                    .append(num(row.msPerOrder(), 3)).append("</td><td>").append(num(row.cores(), 2)).append("</td><td>")
                    .append(num(row.jitMsPerOrder(), 3)).append("</td></tr>");
        }
        html.append("<tr><td>bench HTTP client thread</td><td></td><td></td><td>")
                .append(num(cpu.clientMsPerOrder(), 3)).append("</td><td></td><td></td></tr></table>\n");
    }

    private static void writes(StringBuilder html, BrokerWrites writes) {
        html.append("<h2>What the broker wrote per order at half load</h2>\n<table><tr><th>topic</th>")
                .append("<th>records/order</th><th>bytes/order</th></tr>");
        for (Map.Entry<String, BrokerWrites.Topic> topic : writes.topics().entrySet()) {
            html.append("<tr><td>").append(escape(topic.getKey())).append("</td><td>")
                    .append(num(topic.getValue().recordsPerOrder(), 2)).append("</td><td>")
                    .append(num(topic.getValue().bytesPerOrder(), 0)).append("</td></tr>");
        }
        html.append("<tr><th>all</th><th>").append(num(writes.recordsPerOrder(), 2)).append("</th><th>")
                .append(num(writes.bytesPerOrder(), 0)).append("</th></tr></table>\n");
    }

    private static void soak(StringBuilder html, SoakPhase soak) {
        if (soak == null) {
            return;
        }
        html.append("<h2>Soak</h2>\n<p>").append(soak.orders()).append(" orders at ").append(num(soak.rate(), 0))
                .append("/s over ").append(num(soak.seconds(), 0)).append(" s, state retention ")
                .append(escape(soak.stateRetention())).append(".</p>\n");
        growth(html, "RSS, MiB", soak.rss());
        if (soak.stores().isEmpty()) {
            html.append("<p>Store entries: n/a (no service reports fastship_state_entries).</p>\n");
        } else {
            growth(html, "store entries", soak.stores());
            if (!soak.storesPerClosedOrder().isEmpty()) {
                growth(html, "store entries per order closed in the retention window", soak.storesPerClosedOrder(), 3);
            }
        }
        html.append("<table><tr><th>restarted</th><th>seconds until healthy</th></tr>");
        soak.restarts().forEach(r -> html.append("<tr><td>").append(escape(r.service())).append("</td><td>")
                .append(r.seconds() < 0 ? "n/a" : num(r.seconds(), 1)).append("</td></tr>"));
        html.append("</table>\n<div class=\"chart\"><canvas id=\"rss\"></canvas></div>\n")
                .append("<div class=\"chart\"><canvas id=\"stores\"></canvas></div>\n");
    }

    private static void growth(StringBuilder html, String what, List<SoakPhase.Growth> rows) {
        growth(html, what, rows, 1);
    }

    private static void growth(StringBuilder html, String what, List<SoakPhase.Growth> rows, int digits) {
        html.append("<table><tr><th>").append(escape(what)).append("</th><th>first tenth</th><th>last tenth</th>")
                .append("<th>growth</th></tr>");
        rows.forEach(g -> html.append("<tr><td>").append(escape(g.name())).append("</td><td>")
                .append(num(g.firstTenth(), digits)).append("</td><td>").append(num(g.lastTenth(), digits))
                .append("</td><td>")
                .append(LoadText.growth(g)).append("</td></tr>"));
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(escape(label)).append("</td><td>").append(escape(value)).append("</td></tr>");
    }

    private static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
