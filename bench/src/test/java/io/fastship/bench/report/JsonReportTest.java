package io.fastship.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @Test
    void shouldRoundTripEveryNumber(@TempDir Path dir) throws Exception {
        BenchReport report = ReportFixtures.complete();
        Path file = dir.resolve("out/bench.json");

        JsonReport.write(report, file);

        assertThat(JsonReport.parse(Files.readString(file))).isEqualTo(report);
        assertThat(Files.readString(file)).contains("\"recordsPerSec\" : 80000.0").contains("\"p99Ms\" : 45.7");
    }

    @Test
    void shouldCarryEveryHeadlineFigureAtTheTopLevel() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(ReportFixtures.complete()));

        assertThat(json.get("cpuMsPerOrder").get("total").asDouble()).isEqualTo(0.9);
        assertThat(json.get("cpuMsPerOrder").get("perProcess").get("broker-1").asDouble()).isEqualTo(0.45);
        assertThat(json.get("cpuMsPerOrder").get("perProcess").has("bench+registry")).isFalse();
        assertThat(json.get("cpuMsPerOrder").get("bench").asDouble()).isEqualTo(0.025);
        assertThat(json.get("cpuMsPerOrder").get("client").asDouble()).isEqualTo(0.02);
        assertThat(json.get("sustainableOrdersPerSecond").asDouble()).isEqualTo(800);
        assertThat(json.get("endToEnd").get("latency").get("p99Ms").asDouble()).isEqualTo(140.75);
        assertThat(json.get("endToEnd").get("latencyCurve")).hasSize(4);
        assertThat(json.get("httpCeiling").asDouble()).isEqualTo(8000);
        assertThat(json.get("intakeToCeiling").asDouble()).isEqualTo(0.4999);
        assertThat(json.get("halfLoad").get("brokerWrites").get("recordsPerOrder").asDouble()).isEqualTo(10);
        assertThat(json.get("brokerWritesPerOrder").get("records").asDouble()).isEqualTo(10);
    }

    @Test
    void shouldRoundTripASoakWithAnUndefinedGrowth() {
        BenchReport soak = ReportFixtures.soak();

        String json = JsonReport.render(soak);

        assertThat(JsonReport.parse(json)).isEqualTo(soak);
        assertThat(json).contains("\"growthPercent\" : null").doesNotContain("Infinity").doesNotContain("NaN");
    }

    @Test
    void shouldWriteSkippedPhasesAsNull() {
        BenchReport full = ReportFixtures.complete();
        BenchReport partial = new BenchReport(full.startedAt(), full.machine(), full.stack(), 1, 1, null, null, 0,
                null, 0, null, null, 0, null, null, null, null, null, java.util.List.of(), null, java.util.List.of(), 0);

        assertThat(JsonReport.render(partial)).contains("\"baseline\" : null").contains("\"scaling\" : null")
                .contains("\"endToEnd\" : null").contains("\"timeline\" : [ ]")
                .contains("\"brokerWritesPerOrder\" : null");
    }
}
