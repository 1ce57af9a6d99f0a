package io.fastship.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The report as one self-contained HTML page ({@code --html FILE}): the figures and tables, and charts drawn by
 * Chart.js (from its webjar, inlined so the file opens anywhere offline) from the report's JSON embedded in the page.
 */
public final class HtmlReport {

    private static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private HtmlReport() {
    }

    public static String render(BenchReport report) {
        StringBuilder html = new StringBuilder(300_000);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>FastShip benchmark ")
                .append(HtmlTables.escape(report.startedAt())).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;")
                .append("padding:.2em .6em;text-align:right}th{background:#f3f3f3}td:first-child{text-align:left}")
                .append(".chart{position:relative;height:320px;margin-bottom:2em}</style>\n")
                .append("<script>").append(chartJs()).append("</script>\n</head><body>\n");
        HtmlTables.body(html, report);
        html.append("<script type=\"application/json\" id=\"report-data\">")
                .append(JsonReport.render(report).replace("</", "<\\/")).append("</script>\n<script>")
                .append(resource("bench-report.js")).append("</script>\n</body></html>\n");
        return html.toString();
    }

    public static void write(BenchReport report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Chart.js's UMD build from the webjar on the classpath; its version from the webjar's own pom.properties. */
    static String chartJs() {
        Properties pom = new Properties();
        try (InputStream in = resourceStream(CHART_JS_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resource("META-INF/resources/webjars/chart.js/" + pom.getProperty("version") + "/dist/chart.umd.js")
                .replace("</script", "<\\/script");
    }

    private static String resource(String name) {
        try (InputStream in = resourceStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resourceStream(String name) {
        InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource " + name + " is not on the classpath");
        }
        return in;
    }
}
