package io.fastship.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {

    private static BenchSettings parse(String... args) {
        CommandLine commandLine = BenchCommand.commandLine();
        commandLine.parseArgs(args);
        return ((BenchCommand) commandLine.getCommand()).settings();
    }

    @Test
    void shouldDefaultToTheFullRunOnAStackOfItsOwn() {
        BenchSettings settings = parse();

        assertThat(settings.orders()).isEqualTo(50_000);
        assertThat(settings.concurrency()).isEqualTo(64);
        assertThat(settings.gatewayLatencyMs()).isEqualTo(20);
        assertThat(settings.scalingSteps()).containsExactly(1, 2, 4);
        assertThat(settings.ownsStack()).isTrue();
        assertThat(settings.seedStock()).isTrue();
        assertThat(settings.finalTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.jsonFile()).isEmpty();
    }

    @Test
    void shouldUseTheQuickProfileButLetExplicitOptionsWin() {
        BenchSettings quick = parse("--quick");
        BenchSettings quickWithOrders = parse("--quick", "--orders", "777", "--concurrency", "8");

        assertThat(quick.orders()).isEqualTo(2_000);
        assertThat(quick.baselineRecords()).isEqualTo(100_000);
        assertThat(quick.scalingOrders()).isEqualTo(600);
        assertThat(quickWithOrders.orders()).isEqualTo(777);
        assertThat(quickWithOrders.concurrency()).isEqualTo(8);
        assertThat(quickWithOrders.warmupOrders()).isEqualTo(200);
    }

    @Test
    void shouldTakeARunningStackWhenAllThreeAddressesAreGiven() {
        BenchSettings settings = parse("--bootstrap-server", "127.0.0.1:9092", "--schema-registry",
                "http://127.0.0.1:8081", "--order-url", "http://127.0.0.1:8080", "--stack-dir", ".fastship",
                "--json", "out.json", "--scaling-instances", "1,3", "--final-timeout", "90s");

        assertThat(settings.ownsStack()).isFalse();
        assertThat(settings.seedStock()).isFalse();
        BenchSettings.Existing existing = settings.existing().orElseThrow();
        assertThat(existing.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(existing.stackDir()).contains(Path.of(".fastship"));
        assertThat(settings.jsonFile()).contains(Path.of("out.json"));
        assertThat(settings.scalingSteps()).containsExactly(1, 3);
        assertThat(settings.finalTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void shouldPassServiceEnvironmentToAStackItStarts() {
        BenchSettings settings = parse("--service-env", "STREAMS_COMMIT_INTERVAL=50ms", "--service-env",
                "KAFKA_CLIENT_LINGER_MS=10");

        assertThat(settings.serviceEnv()).isEqualTo(Map.of("STREAMS_COMMIT_INTERVAL", "50ms",
                "KAFKA_CLIENT_LINGER_MS", "10"));
    }

    @Test
    void shouldRejectHalfAnAddressOfARunningStack() {
        assertThatThrownBy(() -> parse("--bootstrap-server", "127.0.0.1:9092"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("needs all of --bootstrap-server, --schema-registry and --order-url");
    }

    @Test
    void shouldRejectOptionsThatOnlyMeanSomethingForARunningStack() {
        assertThatThrownBy(() -> parse("--stack-dir", ".fastship"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("apply to a running stack");
    }

    @Test
    void shouldRejectOutOfRangeValuesNamingTheOption() {
        assertThatThrownBy(() -> parse("--orders", "0")).hasMessageContaining("--orders must be >= 1");
        assertThatThrownBy(() -> parse("--concurrency", "100000")).hasMessageContaining("--concurrency must be at most");
        assertThatThrownBy(() -> parse("--scaling-instances", "1,0")).hasMessageContaining("--scaling-instances");
        assertThatThrownBy(() -> parse("--gateway-latency-ms", "-1")).hasMessageContaining("--gateway-latency-ms");
        assertThatThrownBy(() -> parse("--final-timeout", "soon")).hasMessageContaining("not a duration: 'soon'");
    }

    @Test
    void shouldAnswerAUsageErrorWithExitCode2AndOneMessage() {
        CommandLine commandLine = BenchCommand.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("--orders", "-5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--orders must be >= 1, was -5");
    }

    @Test
    void shouldParseDurationsInTheUsualShapes() {
        assertThat(BenchCommand.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchCommand.parseDuration("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(BenchCommand.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(List.of("", "5", "5x")).allSatisfy(text ->
                assertThatThrownBy(() -> BenchCommand.parseDuration(text)).hasMessageContaining("not a duration"));
    }

    @Test
    void shouldStartASecureStackOfItsOwnWithSecure() {
        assertThat(parse("--quick", "--secure").secure()).isTrue();
        assertThat(parse("--quick").secure()).isFalse();
    }

    @Test
    void shouldTakeACommandConfigForARunningStackOnly() {
        BenchSettings settings = parse("--bootstrap-server", "127.0.0.1:9092", "--schema-registry",
                "http://127.0.0.1:8081", "--order-url", "http://127.0.0.1:8080", "--command-config", "tools.properties");

        assertThat(settings.existing().orElseThrow().commandConfig()).contains(Path.of("tools.properties"));
        assertThat(settings.secure()).isFalse();
        assertThatThrownBy(() -> parse("--command-config", "tools.properties"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--command-config");
    }

    @Test
    void shouldRefuseSecureForARunningStackWhoseSecurityIsNotTheBenchsToChoose() {
        assertThatThrownBy(() -> parse("--secure", "--bootstrap-server", "127.0.0.1:9092", "--schema-registry",
                "http://127.0.0.1:8081", "--order-url", "http://127.0.0.1:8080"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--secure applies only to a stack the bench starts");
    }
}
