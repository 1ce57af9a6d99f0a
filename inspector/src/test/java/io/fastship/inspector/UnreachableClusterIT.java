package io.fastship.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No broker listens: the inspector gives up at its timeout with one line, not a stack trace or a hang. */
class UnreachableClusterIT {

    @Test
    void shouldReportAClosedPortInOneLineWithinTheTimeout() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String bootstrap = "127.0.0.1:" + closedPort;

        // The bound only catches a hang; --timeout 2s is what the command is asked to honour.
        Inspect.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Inspect.run(
                "topics", "--bootstrap-server", bootstrap, "--timeout", "2s"));

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.FAILED);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .isEqualTo("inspect: cannot reach Kafka at " + bootstrap + " within 2s (listing topics)");
    }

    @Test
    void shouldReportAnUnreachableClusterForGroupCommandsToo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Inspect.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Inspect.run(
                "group", "g", "--bootstrap-server", "127.0.0.1:" + closedPort, "--timeout", "1s"));

        assertThat(result.exitCode()).isEqualTo(InspectorCommand.FAILED);
        assertThat(result.errLines()).singleElement().asString().startsWith("inspect: cannot reach Kafka at");
    }
}
