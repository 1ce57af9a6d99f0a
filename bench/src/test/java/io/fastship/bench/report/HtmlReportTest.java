package io.fastship.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void shouldWriteAPageWithChartJsTheDataAndTheTables(@TempDir Path dir) throws Exception {
        BenchReport report = ReportFixtures.complete();
        Path file = dir.resolve("report/bench.html");

        HtmlReport.write(report, file);

        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        assertThat(page.select("canvas").eachAttr("id")).containsExactly("latency-curve", "throughput", "lag");
        assertThat(page.select("script").get(0).data()).contains("Chart.js v4.").hasSizeGreaterThan(100_000);
        Element data = page.getElementById("report-data");
        assertThat(JsonReport.parse(data.data().replace("<\\/", "</"))).isEqualTo(report);
        assertThat(page.select("script").last().data()).contains("new Chart(");
        String cpuTable = page.select("h2:contains(CPU per order at half load) + p + table").text();
        assertThat(cpuTable).contains("broker-1 100 10.80 0.450").contains("bench+registry (not in the stack total)");
        assertThat(page.select("h2:contains(Sustainable-rate search) + p + table tr")).hasSize(4);
        assertThat(page.select("h2:contains(Figures) + table").text()).contains("sustainable orders/s 800")
                .contains("80.5 / 120.3 / 140.8 / 380.0");
        assertThat(Files.readString(file)).doesNotContain("<svg");
    }

    @Test
    void shouldShowTheSoakTablesAndCharts() {
        Document page = Jsoup.parse(HtmlReport.render(ReportFixtures.soak()));

        assertThat(page.select("canvas").eachAttr("id")).contains("rss", "stores");
        assertThat(page.select("h2:contains(Soak) ~ table").text()).contains("payment-1 200.0 210.0 +5.0%")
                .contains("payment-1/outcomes 0.0 500.0 n/a").contains("payment 4.3").contains("order n/a");
    }

    @Test
    void shouldEscapeTextThatLooksLikeMarkup() {
        BenchReport full = ReportFixtures.complete();
        BenchReport hostile = new BenchReport(full.startedAt(), full.machine(), "<script>alert(1)</script>",
                full.orders(), full.concurrency(), null, null, 0, null, 0, null, null, 0, null, null, null, null,
                null, java.util.List.of(), java.util.List.of(), java.util.List.of("</script><b>x</b>"), 1);

        Document page = Jsoup.parse(HtmlReport.render(hostile));

        assertThat(page.select("b")).isEmpty();
        assertThat(page.text()).contains("<script>alert(1)</script>");
        assertThat(JsonReport.parse(page.getElementById("report-data").data().replace("<\\/", "</"))).isEqualTo(hostile);
    }
}
