package io.fastship.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProducerPerformanceResultTest {

    @Test
    void shouldReadTheTotalLineAndSkipProgressLines() {
        String output = """
                SLF4J(W): No SLF4J providers were found.
                246001 records sent, 49190.4 records/sec (9.85 MB/sec), 310.3 ms avg latency, 801.0 ms max latency.
                500000 records sent, 61242.345000 records/sec (12.27 MB/sec), 250.12 ms avg latency, 912.00 ms max latency, 231 ms 50th, 480 ms 95th, 701 ms 99th, 880 ms 99.9th.
                """;

        ProducerPerformanceResult result = ProducerPerformanceResult.parse(output).orElseThrow();

        assertThat(result.records()).isEqualTo(500_000);
        assertThat(result.recordsPerSec()).isEqualTo(61242.345);
        assertThat(result.mbPerSec()).isEqualTo(12.27);
        assertThat(result.avgLatencyMs()).isEqualTo(250.12);
        assertThat(result.maxLatencyMs()).isEqualTo(912.0);
        assertThat(result.p50Ms()).isEqualTo(231);
        assertThat(result.p95Ms()).isEqualTo(480);
        assertThat(result.p99Ms()).isEqualTo(701);
    }

    @Test
    void shouldAcceptTheVariantWithA75thPercentile() {
        String line = "1000 records sent, 999.0 records/sec (0.19 MB/sec), 2.00 ms avg latency, 9.00 ms max latency, "
                + "1 ms 50th, 2 ms 75th 3 ms 95th, 4 ms 99th, 9 ms 99.9th.";

        ProducerPerformanceResult result = ProducerPerformanceResult.parse(line).orElseThrow();

        assertThat(result.recordsPerSec()).isEqualTo(999.0);
        assertThat(result.p95Ms()).isEqualTo(3);
        assertThat(result.p99Ms()).isEqualTo(4);
    }

    @Test
    void shouldFindNothingWhenTheToolDiedBeforeItsTotal() {
        String output = """
                12000 records sent, 2399.5 records/sec (0.46 MB/sec), 30.0 ms avg latency, 90.0 ms max latency.
                org.apache.kafka.common.errors.TimeoutException: Topic bench not present in metadata after 60000 ms.
                """;

        assertThat(ProducerPerformanceResult.parse(output)).isEmpty();
    }

    @Test
    void shouldFindNothingInEmptyOutput() {
        assertThat(ProducerPerformanceResult.parse("")).isEmpty();
    }
}
