package io.fastship.bench.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void shouldDrawABarWithPercentRateAndElapsedTime() {
        String bar = ProgressLine.bar("intake", 15_000, 50_000, TimeUnit.SECONDS.toNanos(5));

        assertThat(bar).startsWith("intake       [#########.....................]  30%");
        assertThat(bar).contains("15000/50000").contains("3000/s").endsWith("5.0s");
    }

    @Test
    void shouldWriteAPlainLineForLogs() {
        assertThat(ProgressLine.plain("end to end", 2, 4, TimeUnit.SECONDS.toNanos(2)))
                .isEqualTo("end to end: 2/4 (50%), 1/s, 2.0s");
    }

    @Test
    void shouldNeverOverflowTheBar() {
        assertThat(ProgressLine.bar("x", 12, 10, 0)).contains("[" + "#".repeat(30) + "]").contains("100%");
        assertThat(ProgressLine.plain("x", 5, 0, 0)).contains("(0%)");
    }

    @Test
    void shouldEndAPhaseWithItsFinalStateOnItsOwnLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false)) {
            progress.start("phase", 10, () -> 10);
            progress.stop();
            progress.note("next");
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .satisfiesExactly(line -> assertThat(line).startsWith("phase: 10/10 (100%), "),
                        line -> assertThat(line).isEqualTo("next"));
    }
}
