package io.fastship.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.fastship.localstack.fault.Fault;
import io.fastship.localstack.fault.FaultInjector;
import io.fastship.localstack.junit.KafkaStack;
import io.fastship.localstack.junit.RegistryControl;
import io.fastship.localstack.junit.WithKafkaStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry can go away and come back on its own, on the same port and with every schema it had. */
@WithKafkaStack
class RegistryOutageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SCHEMA = "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Outage\\\","
            + "\\\"fields\\\":[{\\\"name\\\":\\\"id\\\",\\\"type\\\":\\\"string\\\"}]}\"}";

    @Test
    void theRegistryProcessGoesDownAndComesBackWithItsSchemas(KafkaStack stack, @TempDir Path dir) throws Exception {
        RegistryProcess registry = RegistryProcess.start(stack.bootstrapServers(), FreePorts.next(),
                dir.resolve("registry.log"), Optional.empty());
        EventLog events = new EventLog(dir.resolve("launcher.log"));
        try (FaultInjector faults = new FaultInjector(() -> List.of(registry), events)) {
            String subject = stack.uniqueName("outage") + "-value";
            assertThat(register(registry.url(), subject).statusCode()).isEqualTo(200);

            faults.inject(Fault.parse("registry", "down", "3s"));

            assertThat(registry.state()).isEqualTo(StackProcess.State.STOPPED);
            assertThatThrownBy(() -> versions(registry.url(), subject)).isInstanceOf(ConnectException.class);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> versions(registry.url(), subject).body().equals("[1]"));
            assertThat(registry.state()).isEqualTo(StackProcess.State.RUNNING);
        } finally {
            registry.close();
        }
    }

    @Test
    void theFixtureRegistryStopsAndStartsOnTheSamePort(KafkaStack stack) throws Exception {
        RegistryControl registry = stack.registry();
        String url = registry.url();
        String subject = stack.uniqueName("fixture-outage") + "-value";
        assertThat(register(url, subject).statusCode()).isEqualTo(200);

        registry.stop();
        try {
            assertThat(registry.isRunning()).isFalse();
            assertThatThrownBy(() -> versions(url, subject)).isInstanceOf(ConnectException.class);
        } finally {
            registry.start();
        }

        assertThat(registry.url()).isEqualTo(url);
        assertThat(stack.schemaRegistryUrl()).isEqualTo(url);
        assertThat(versions(url, subject).body()).isEqualTo("[1]");
    }

    private static HttpResponse<String> register(String url, String subject) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(SCHEMA)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> versions(String url, String subject) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + subject + "/versions"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
