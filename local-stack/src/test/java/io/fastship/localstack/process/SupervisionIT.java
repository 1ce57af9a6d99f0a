package io.fastship.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.fastship.localstack.fault.Fault;
import io.fastship.localstack.fault.FaultInjector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's supervisor and fault injector on a real child JVM: what exits on its own comes back, what a fault stops stays stopped. */
class SupervisionIT {

    private static final RestartBackoff FAST = new RestartBackoff(Duration.ofMillis(300), Duration.ofSeconds(2),
            Duration.ofMinutes(1));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path dir;
    private TinyProcess process;
    private EventLog events;
    private Supervisor supervisor;
    private FaultInjector faults;

    @BeforeEach
    void start() {
        process = TinyProcess.start("tiny-1", dir);
        events = new EventLog(dir.resolve("launcher.log"));
        supervisor = new Supervisor(() -> List.of(process), FAST, events);
        faults = new FaultInjector(() -> List.of(process), events);
    }

    @AfterEach
    void stop() {
        supervisor.close();
        faults.close();
        process.jvm().kill();
    }

    @Test
    void aProcessThatExitsOnItsOwnIsStartedAgainOnTheSamePortAndTheRestartIsLogged() throws Exception {
        long firstPid = process.pid();

        giveUp();

        await().atMost(Duration.ofSeconds(30)).until(() -> process.pid() != firstPid && healthy());
        assertThat(log()).contains("tiny-1 exited on its own (exit 3 after").contains("restart #1 in 300 ms")
                .contains("tiny-1 restarted by the supervisor (pid " + process.pid() + ")");

        long secondPid = process.pid();
        giveUp();

        await().atMost(Duration.ofSeconds(30)).until(() -> process.pid() != secondPid && healthy());
        assertThat(log()).contains("restart #2 in 600 ms");
    }

    @Test
    void killStaysDownAndIsNeverRestarted() throws Exception {
        faults.inject(Fault.parse("tiny-1", "kill", null));

        assertThat(process.state()).isEqualTo(StackProcess.State.STOPPED);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> !process.jvm().isAlive() && process.state() == StackProcess.State.STOPPED);
        assertThat(log()).containsPattern("\\d{4}-\\d\\d-\\d\\dT\\S+ fault: kill tiny-1 \\(pid \\d+\\)")
                .doesNotContain("restarted by the supervisor");
    }

    @Test
    void restartKillsAndStartsTheSameInstanceAgain() throws Exception {
        long before = process.pid();

        faults.inject(Fault.parse("tiny-1", "restart", null));

        assertThat(process.pid()).isNotEqualTo(before);
        assertThat(healthy()).isTrue();
        assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void pauseStallsTheProcessUntilTheDurationEnds() throws Exception {
        faults.inject(Fault.parse("tiny-1", "pause", "1500ms"));

        assertThat(process.state()).isEqualTo(StackProcess.State.PAUSED);
        assertThat(procState(process.pid())).isEqualTo('T');
        assertThat(healthy()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> process.state() == StackProcess.State.RUNNING && healthy());
        assertThat(log()).contains("fault: pause tiny-1 for 1500 ms").contains("fault: tiny-1 resumed");
    }

    @Test
    void downStopsCleanlyAndStartsAgainAfterTheDuration() throws Exception {
        long before = process.pid();

        faults.inject(Fault.parse("tiny-1", "down", "2s"));

        assertThat(process.state()).isEqualTo(StackProcess.State.STOPPED);
        assertThat(healthy()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> process.pid() != before && healthy());
        // The injector logs "up again" once start() has returned, which can be just after the process answers.
        await().atMost(Duration.ofSeconds(10)).until(() -> log().contains("fault: tiny-1 is up again"));
        assertThat(log()).contains("fault: tiny-1 is down");
    }

    /** The process exits on its own; the reply may or may not make it out first. */
    private void giveUp() {
        try {
            get("/exit");
        } catch (IOException e) {
            // halted mid-reply
        }
    }

    private boolean healthy() {
        try {
            return get("/health").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<Void> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(process.address() + path)).timeout(Duration.ofMillis(700))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("launcher.log"));
    }

    private static char procState(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
    }
}
