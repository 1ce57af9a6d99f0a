package io.fastship.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
    void shouldWriteSkippedPhasesAsNull() {
        BenchReport full = ReportFixtures.complete();
        BenchReport partial = new BenchReport(full.startedAt(), full.machine(), full.stack(), 1, 1, null, null, null,
                null, java.util.List.of(), java.util.List.of(), 0);

        assertThat(JsonReport.render(partial)).contains("\"baseline\" : null").contains("\"scaling\" : null");
    }
}
