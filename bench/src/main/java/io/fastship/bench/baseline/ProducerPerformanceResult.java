package io.fastship.bench.baseline;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The totals Kafka's {@code ProducerPerformance} prints as its last line, e.g.
 * {@code 500000 records sent, 98765.4 records/sec (17.80 MB/sec), 30.12 ms avg latency, 412.00 ms max latency,
 * 25 ms 50th, 70 ms 95th, 110 ms 99th, 300 ms 99.9th.}
 */
public record ProducerPerformanceResult(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs,
                                        double maxLatencyMs, double p50Ms, double p95Ms, double p99Ms) {

    private static final Pattern RECORDS = Pattern.compile("(\\d+) records sent");
    private static final Pattern RATE = Pattern.compile("([\\d.]+) records/sec");
    private static final Pattern MB = Pattern.compile("\\(([\\d.]+) MB/sec\\)");
    private static final Pattern AVG = Pattern.compile("([\\d.]+) ms avg latency");
    private static final Pattern MAX = Pattern.compile("([\\d.]+) ms max latency");
    private static final Pattern P50 = Pattern.compile("([\\d.]+) ms 50th");
    private static final Pattern P95 = Pattern.compile("([\\d.]+) ms 95th");
    private static final Pattern P99 = Pattern.compile("([\\d.]+) ms 99th");

    /**
     * Reads the total line (the last one with percentiles) from the tool's whole output; the progress lines it
     * prints every few seconds carry no percentiles and are skipped.
     */
    public static Optional<ProducerPerformanceResult> parse(String output) {
        List<String> totals = output.lines().filter(line -> line.contains("records sent") && line.contains("50th"))
                .toList();
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        String line = totals.get(totals.size() - 1);
        OptionalDouble records = number(RECORDS, line);
        OptionalDouble rate = number(RATE, line);
        if (records.isEmpty() || rate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProducerPerformanceResult((long) records.getAsDouble(), rate.getAsDouble(),
                number(MB, line).orElse(0), number(AVG, line).orElse(0), number(MAX, line).orElse(0),
                number(P50, line).orElse(0), number(P95, line).orElse(0), number(P99, line).orElse(0)));
    }

    private static OptionalDouble number(Pattern pattern, String line) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(matcher.group(1)));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
