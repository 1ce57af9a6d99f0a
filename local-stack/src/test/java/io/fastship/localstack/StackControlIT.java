package io.fastship.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fastship.localstack.process.ServiceKind;
import io.fastship.localstack.process.StackProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's control surface on a real 3-broker stack (services need their own modules built, so this one
 * runs none): status lists every process, faults go through the control endpoint, and stopping is quick
 * even with a broker already gone.
 */
class StackControlIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void statusListsEveryProcessFaultsWorkThroughTheEndpointAndStopIsQuickWithABrokerGone() throws Exception {
        var options = new LocalStackOptions(Path.of("..").toAbsolutePath().normalize(), dataDir, false, 3,
                Map.of(ServiceKind.ORDER, 0, ServiceKind.PAYMENT, 0, ServiceKind.INVENTORY, 0, ServiceKind.GATEWAY, 0),
                Map.of(),
                Optional.empty(), 0, 0, 3);
        long startNanos = System.nanoTime();
        LocalStack stack = LocalStack.start(options);
        System.out.printf("3-broker stack (cluster + registry) started in %d ms%n", millisSince(startNanos));
        RunningStack running = RunningStack.publish(stack);
        try {
            JsonNode status = JSON.readTree(get(RunningStack.query(dataDir).controlUrl() + "/status"));
            assertThat(status.isArray()).isTrue();
            assertThat(status.findValuesAsText("name")).containsExactly("broker-1", "broker-2", "broker-3", "registry");
            assertThat(status.get(0).get("address").asText()).isEqualTo(stack.cluster().broker(1).address());
            assertThat(status.get(3).get("url").asText()).isEqualTo(stack.schemaRegistryUrl());
            assertThat(status.findValuesAsText("state")).as(() -> deadBrokerLogs(stack)).containsOnly("running");
            assertThat(status.get(3).get("pid").asLong()).isEqualTo(stack.registry().pid());

            Cli unknown = cli("fault", "broker-9", "kill");
            assertThat(unknown.exit).isEqualTo(2);
            assertThat(unknown.err.strip()).isEqualTo("fastship: unknown fault target 'broker-9' "
                    + "(the stack runs broker-1, broker-2, broker-3, registry)");

            long registryPid = stack.registry().pid();
            assertThat(cli("fault", "registry", "restart").exit).isZero();
            assertThat(stack.registry().pid()).isNotEqualTo(registryPid);
            assertThat(stack.registry().state()).isEqualTo(StackProcess.State.RUNNING);

            assertThat(cli("fault", "broker-2", "kill").exit).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    RunningStack.query(dataDir).processes().get(1).state().equals("stopped"));
            assertThat(cli("status").out).containsPattern("broker-2\\s+\\S+\\s+pid \\d+\\s+stopped");
        } finally {
            long stopNanos = System.nanoTime();
            running.close();
            long stopMillis = millisSince(stopNanos);
            System.out.printf("3-broker stack with broker-2 gone stopped in %d ms%n", stopMillis);
            assertThat(stopMillis).isLessThan(20_000);
        }
    }

    private record Cli(int exit, String out, String err) {
    }

    private Cli cli(String... args) {
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            String[] withDir = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--data-dir", dataDir.toString())).toArray(String[]::new);
            int exit = io.fastship.localstack.cli.FastshipCliAccess.execute(new PrintWriter(err), withDir);
            return new Cli(exit, out.toString(), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    private static String deadBrokerLogs(LocalStack stack) {
        StringBuilder logs = new StringBuilder();
        for (var node : stack.cluster().brokers()) {
            if (!node.isAlive()) {
                logs.append(node.name()).append(" exited; its log ends with:\n")
                        .append(io.fastship.localstack.process.ChildJvm.tail(node.broker().logFile())).append('\n');
            }
        }
        return logs.toString();
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
