package io.fastship.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProducerPerformanceRunTest {

    @Test
    void shouldRunTheToolWithDurableProducerSettingsAndTheMeasuredRecordSize() {
        ProducerPerformanceRun.Spec spec = new ProducerPerformanceRun.Spec("127.0.0.1:9092", "bench-baseline", 5000,
                187, ProducerPerformanceRun.Spec.durableProducer());

        List<String> command = ProducerPerformanceRun.command("/jdk/bin/java", "a.jar:b.jar", spec);

        assertThat(command).first().isEqualTo("/jdk/bin/java");
        assertThat(command).containsSubsequence("-cp", "a.jar:b.jar", "org.apache.kafka.tools.ProducerPerformance");
        assertThat(command).containsSubsequence("--topic", "bench-baseline");
        assertThat(command).containsSubsequence("--num-records", "5000");
        assertThat(command).containsSubsequence("--record-size", "187");
        assertThat(command).containsSubsequence("--throughput", "-1");
        assertThat(command).containsSubsequence("--command-property", "bootstrap.servers=127.0.0.1:9092", "acks=all",
                "enable.idempotence=true");
        assertThat(command).contains("-Duser.language=en");
        assertThat(command).doesNotContain("--command-config");
    }

    @Test
    void shouldPassASecureStacksCredentialsAsAFileNotOnTheCommandLine() {
        ProducerPerformanceRun.Spec spec = new ProducerPerformanceRun.Spec("127.0.0.1:9092", "fastship-bench-b", 10,
                100, ProducerPerformanceRun.Spec.durableProducer(),
                Optional.of(Path.of("/data/secure/fastship-bench.properties")));

        List<String> command = ProducerPerformanceRun.command("/jdk/bin/java", "a.jar", spec);

        assertThat(command).containsSubsequence("--command-config", "/data/secure/fastship-bench.properties");
        assertThat(command).noneMatch(arg -> arg.contains("sasl") || arg.contains("password"));
    }

    @Test
    void shouldRejectAnEmptyRun() {
        assertThatThrownBy(() -> new ProducerPerformanceRun.Spec("b:1", "t", 0, 100, Map.of()))
                .hasMessageContaining("records must be >= 1");
        assertThatThrownBy(() -> new ProducerPerformanceRun.Spec("b:1", "t", 10, 0, Map.of()))
                .hasMessageContaining("recordSize must be >= 1");
    }
}
