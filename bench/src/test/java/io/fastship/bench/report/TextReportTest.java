package io.fastship.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextReportTest {

    @Test
    void shouldShowEveryPhaseWithItsNumbers() {
        String text = TextReport.render(ReportFixtures.complete());

        assertThat(text).contains("Machine  2 cores, 24.0 GiB, Java 17.0.12");
        assertThat(text).contains("HTTP ceiling            8,000 requests/s").contains("intake / ceiling        0.500")
                .contains("sustainable rate        800 orders/s")
                .contains("end to end at half load p50 80.5 ms, p95 120.3 ms, p99 140.8 ms")
                .contains("CPU per order           0.900 ms (stack, half load); bench 0.025 ms, its HTTP client "
                        + "thread 0.020 ms");
        assertThat(text).contains("500000 records of 187 B on 6 partitions, acks=all enable.idempotence=true");
        assertThat(text).contains("80,000 records/s (14.27 MB/s)");
        assertThat(text).contains("accepted 49990 of 50000 in 12.5 s: 3,999 orders/s = 0.050 of the baseline, "
                + "0.500 of the HTTP ceiling");
        assertThat(text).contains("HTTP latency p50 12.3 ms, p95 30.1 ms, p99 45.7 ms, max 210.9 ms (n=49990)");
        assertThat(text).contains("rejected {503=10}, failed 0; first: 503 busy");
        assertThat(text).contains("49990 of 49990 orders final: 49980 confirmed, 10 cancelled; missing 0, duplicates 0");
        assertThat(text).contains("cancelled because: {timeout=10}");
        assertThat(text).contains("1600/s  fails e2e p99  2300.0 ms").contains("payment-service lag grew 410/s")
                .contains("sustainable: 800 orders/s");
        assertThat(text).contains("6. Half load   400 orders/s open loop")
                .contains("broker-1            10.80 s    0.450 ms/order")
                .contains("(not in the stack total)")
                .contains("broker wrote 10.0 records and 2,000 B per order");
        assertThat(text).contains("1 instance:  190 payments/s  speed-up x1.00");
        assertThat(text).contains("4 instances: 290 payments/s  speed-up x1.52");
        assertThat(text).contains("main: kafka-broker 400 MiB, order-1 300 MiB, gone ?");
        assertThat(text).contains("  - a note").contains("Total 321 s");
    }

    @Test
    void shouldShowTheSoakSideBySide() {
        String text = TextReport.render(ReportFixtures.soak());

        assertThat(text).contains("Soak           1000 orders at 300/s (1000 accepted) over 3 s, state retention PT10M")
                .contains("payment-1                          200.0       210.0     +5.0%")
                .contains("payment-1/outcomes                   0.0       500.0       n/a")
                .contains("store entries per order closed in the retention window before the sample")
                .contains("payment-1/outcomes                 0.980       1.010     +3.1%")
                .contains("restart one payment    healthy after 4.3 s").contains("restart one order      n/a");
    }

    @Test
    void shouldSayWhichPhasesDidNotRun() {
        BenchReport full = ReportFixtures.complete();
        BenchReport partial = new BenchReport(full.startedAt(), full.machine(), full.stack(), 10, 1, null, null, 0,
                full.intake(), 0, null, null, 0, null, null, null, null, null, List.of(), List.of(), List.of(), 1);

        String text = TextReport.render(partial);

        assertThat(text).contains("1. Baseline    not run").contains("2. Ceiling     not run")
                .contains("4. Intake end to end  not run").contains("5. Search      not run")
                .contains("6. Half load   not run").contains("7. Scaling     not run")
                .contains("end to end at half load not run").doesNotContain("Memory").doesNotContain("Notes");
        assertThat(text).contains("3,999 orders/s, 0.000 of the HTTP ceiling").doesNotContain("of the baseline");
    }
}
