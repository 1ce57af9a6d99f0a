package io.fastship.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextReportTest {

    @Test
    void shouldShowEveryPhaseWithItsNumbers() {
        String text = TextReport.render(ReportFixtures.complete());

        assertThat(text).contains("Machine  2 cores, 24.0 GiB, Java 17.0.12");
        assertThat(text).contains("500000 records of 187 B on 6 partitions, acks=all enable.idempotence=true");
        assertThat(text).contains("80,000 records/s (14.27 MB/s)");
        assertThat(text).contains("accepted 49990 of 50000 in 12.5 s: 3,999 orders/s = 0.050 of the baseline");
        assertThat(text).contains("HTTP latency p50 12.3 ms, p95 30.1 ms, p99 45.7 ms, max 210.9 ms (n=49990)");
        assertThat(text).contains("rejected {503=10}, failed 0; first: 503 busy");
        assertThat(text).contains("49990 of 49990 orders final: 49980 confirmed, 10 cancelled; missing 0, duplicates 0");
        assertThat(text).contains("cancelled because: {timeout=10}");
        assertThat(text).contains("1 instance:  190 payments/s  speed-up x1.00");
        assertThat(text).contains("4 instances: 290 payments/s  speed-up x1.52");
        assertThat(text).contains("main: kafka-broker 400 MiB, order-1 300 MiB, gone ?");
        assertThat(text).contains("  - a note").contains("Total 321 s");
    }

    @Test
    void shouldSayWhichPhasesDidNotRun() {
        BenchReport full = ReportFixtures.complete();
        BenchReport partial = new BenchReport(full.startedAt(), full.machine(), full.stack(), 10, 1, null,
                full.intake(), null, null, List.of(), List.of(), 1);

        String text = TextReport.render(partial);

        assertThat(text).contains("1. Baseline    not run").contains("3. End to end  not run")
                .contains("4. Scaling     not run").doesNotContain("Memory").doesNotContain("Notes");
        assertThat(text).contains("3,999 orders/s\n").doesNotContain("of the baseline");
    }
}
